using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

/// <summary>The pipeline caches: a re-run or an unrelated edit re-emits nothing, and no step holds Roslyn objects.</summary>
public class IncrementalTests
{
    private static readonly string[] Tracked =
    {
        TrackingNames.SpecFiles, TrackingNames.SpecRequests, TrackingNames.Parsed, TrackingNames.Models, TrackingNames.Diagnostics,
    };

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.FromFile(GeneratorHarness.SpecPath("kernel-sessions.openapi.yaml")));
        var compilation = GeneratorHarness.CreateCompilation("public static class Placeholder { }");
        return (driver.RunGenerators(compilation), compilation);
    }

    [Fact]
    public void A_rerun_on_the_same_input_is_cached()
    {
        var (driver, compilation) = FirstRun();

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertAllCached(second);
    }

    [Fact]
    public void An_unrelated_code_edit_reemits_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int X => 1; }"));

        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(second);
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Editing_the_document_reparses_it()
    {
        var spec = GeneratorHarness.FromFile(GeneratorHarness.SpecPath("kernel-sessions.openapi.yaml"));
        var compilation = GeneratorHarness.CreateCompilation("public static class Placeholder { }");
        GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);
        var changed = spec with { Text = spec.Text.Replace("Restart a kernel session", "Restart one kernel session", StringComparison.Ordinal) };
        Assert.NotEqual(spec.Text, changed.Text);

        // A driver over the changed text: its parse step produces a different model, so it is not cached.
        var run = GeneratorHarness.CreateDriver(changed).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(run.TrackedSteps[TrackingNames.Parsed].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.New);
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_or_syntax_node()
    {
        var (driver, _) = FirstRun();
        var run = driver.GetRunResult().Results.Single();

        foreach (var name in Tracked)
        {
            foreach (var output in run.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertAllCached(GeneratorRunResult run)
    {
        foreach (var name in Tracked)
        {
            Assert.True(run.TrackedSteps.ContainsKey(name), "step " + name + " was not tracked");
            foreach (var output in run.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + output.Reason);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location, step + " holds a " + value.GetType().Name);
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }
}
