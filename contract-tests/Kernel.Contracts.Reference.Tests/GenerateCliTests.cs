using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Contracts.Cli;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kernel.Contracts.Reference.Tests;

/// <summary><c>kernel-contracts generate</c>: the generator's output on disk, and readable failures.</summary>
public sealed class GenerateCliTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kernel-contracts-generate-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Generate_writes_the_files_of_our_platform_document_with_compile_ready_names()
    {
        var outDir = Path.Combine(_folder.FullName, "out");
        var (code, output, error) = await RunAsync("generate", "--spec", SpecPath("kernel-platform.openapi.yaml"), "--out", outDir, "--generate", "Models;Client;Server", "--namespace", "Vendored.Platform");

        Assert.True(code == 0, output + error);
        var files = Directory.GetFiles(outDir).Select(Path.GetFileName).ToList();
        Assert.Contains("KernelPlatform.Client.g.cs", files);
        Assert.Contains(files, f => f!.StartsWith("KernelPlatform.Server", StringComparison.Ordinal));
        Assert.Contains(files, f => f!.StartsWith("KernelPlatform.Models.", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Matches(@"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*\.g\.cs$", f));
        var bytes = Directory.GetFiles(outDir).Sum(f => new FileInfo(f).Length);
        Assert.Contains($"{files.Count} files ({bytes} bytes) written", output);
        Assert.Matches(@"; 3 operations, \d+ schemas", output);

        // Every file is C# that parses without an error, in the namespace asked for.
        foreach (var path in Directory.GetFiles(outDir))
        {
            var text = await File.ReadAllTextAsync(path);
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
            Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
            Assert.Contains("namespace Vendored.Platform", text);
        }
    }

    [Fact]
    public async Task Generate_without_Server_writes_no_server_files()
    {
        var outDir = Path.Combine(_folder.FullName, "client");
        var (code, output, error) = await RunAsync("generate", "--spec", SpecPath("kernel-sessions.openapi.yaml"), "--out", outDir);

        Assert.True(code == 0, output + error);
        var files = Directory.GetFiles(outDir).Select(Path.GetFileName).ToList();
        Assert.Contains(files, f => f!.EndsWith(".Client.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f!.Contains(".Server", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_document_gives_its_line_and_column_and_exits_non_zero()
    {
        var spec = Path.Combine(_folder.FullName, "broken.yaml");
        await File.WriteAllTextAsync(spec, "openapi: 3.1.0\ninfo:\n  title: Broken\n  version: '1'\npaths:\n  /a: [unclosed\n");
        var (code, output, error) = await RunAsync("generate", "--spec", spec, "--out", Path.Combine(_folder.FullName, "out"));

        Assert.NotEqual(0, code);
        Assert.Matches(new Regex(@"broken\.yaml\(\d+,\d+\): error KCG001: "), error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "out")));
    }

    [Fact]
    public async Task An_invalid_Generate_value_is_reported()
    {
        var (code, _, error) = await RunAsync("generate", "--spec", SpecPath("kernel-platform.openapi.yaml"), "--out", Path.Combine(_folder.FullName, "out"), "--generate", "Modles");

        Assert.NotEqual(0, code);
        Assert.Contains("KCG007", error);
        Assert.Contains("Modles", error);
    }

    [Fact]
    public async Task A_missing_file_exits_non_zero_with_a_message()
    {
        var missing = Path.Combine(_folder.FullName, "nope.yaml");
        var (code, _, error) = await RunAsync("generate", "--spec", missing, "--out", Path.Combine(_folder.FullName, "out"));

        Assert.Equal(2, code);
        Assert.Contains("no such file: " + missing, error);
    }

    [Fact]
    public async Task Missing_options_exit_non_zero_with_a_message()
    {
        var (code, _, error) = await RunAsync("generate", "--out", _folder.FullName);

        Assert.NotEqual(0, code);
        Assert.Contains("--spec", error);
    }

    private static string SpecPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kernel.Contracts.sln")))
            {
                return Path.Combine(dir.FullName, "spec", name);
            }
        }

        throw new InvalidOperationException("Kernel.Contracts.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KernelContractsCommand.InvokeAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
