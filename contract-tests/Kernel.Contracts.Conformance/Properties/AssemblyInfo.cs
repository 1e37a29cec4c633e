using System.Runtime.CompilerServices;

// The probe's samplers are internal; their tests read every pattern of our and the corpus documents.
[assembly: InternalsVisibleTo("Kernel.Contracts.Reference.Tests")]
