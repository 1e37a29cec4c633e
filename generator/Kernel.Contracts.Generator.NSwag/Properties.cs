using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Kernel.Contracts.Generator.NSwag.Tests")]
