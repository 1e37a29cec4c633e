using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Kernel.Contracts.Generator.Tests")]
[assembly: InternalsVisibleTo("Kernel.Contracts.Cli")]
[assembly: InternalsVisibleTo("Kernel.Contracts.Bench")]
