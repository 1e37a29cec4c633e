using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kernel.Contracts.Generator.NSwag.Tests;

/// <summary>The NSwag pipeline caches on the document text and the settings, and no step holds Roslyn objects.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] Tracked =
    {
        TrackingNames.ProjectOptions, TrackingNames.SpecItems, TrackingNames.SettingsFiles, TrackingNames.Requests, TrackingNames.Results,
    };

    [Fact]
    public void A_rerun_and_an_unrelated_code_edit_are_cached()
    {
        var spec = NSwagHarness.Spec(NSwagHarness.SpecPath("kernel-sessions.openapi.yaml"), "NSwagClient", ("ClassName", "SessionsClient"));
        var compilation = NSwagHarness.CreateCompilation("public static class Placeholder { }");
        var driver = NSwagHarness.CreateDriver(new NSwagClientGenerator(), NSwagHarness.RepoRoot, spec).RunGenerators(compilation);

        var rerun = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
        var edited = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { }"))).GetRunResult().Results.Single();

        foreach (var run in new[] { rerun, edited })
        {
            Assert.Equal(Tracked.OrderBy(n => n), run.TrackedSteps.Keys.Where(Tracked.Contains).OrderBy(n => n));
            foreach (var name in Tracked)
            {
                Assert.All(run.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + o.Reason));
            }

            Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }
    }

    [Fact]
    public void Editing_the_document_regenerates_it()
    {
        var spec = NSwagHarness.Spec(NSwagHarness.SpecPath("kernel-sessions.openapi.yaml"), "NSwagClient", ("ClassName", "SessionsClient"));
        var compilation = NSwagHarness.CreateCompilation("public static class Placeholder { }");
        var first = NSwagHarness.CreateDriver(new NSwagClientGenerator(), NSwagHarness.RepoRoot, spec).RunGenerators(compilation).GetRunResult().Results.Single();
        var changed = spec with { Text = spec.Text.Replace("Restart a kernel session", "Restart one kernel session", StringComparison.Ordinal) };
        Assert.NotEqual(spec.Text, changed.Text);

        var second = NSwagHarness.CreateDriver(new NSwagClientGenerator(), NSwagHarness.RepoRoot, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains("Restart one kernel session", second.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Restart one kernel session", first.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_or_syntax_node()
    {
        var spec = NSwagHarness.Spec(NSwagHarness.SpecPath("kernel-sessions.openapi.yaml"), "NSwagClient", ("ClassName", "SessionsClient"));
        var run = NSwagHarness.CreateDriver(new NSwagClientGenerator(), NSwagHarness.RepoRoot, spec)
            .RunGenerators(NSwagHarness.CreateCompilation("public static class Placeholder { }")).GetRunResult().Results.Single();

        var outputs = run.TrackedSteps.Where(s => Tracked.Contains(s.Key)).SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            AssertNoRoslynObjects(output, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static void AssertNoRoslynObjects(object? value, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or AdditionalText, "a step output holds " + value.GetType());
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), seen);
        }
    }
}
