using System;
using System.Threading.Tasks;
using Xunit;

namespace Kernel.Contracts.Build.Tests;

public sealed class TestResultsTests : IDisposable
{
    private readonly TempFolder results = new();

    public void Dispose() => results.Dispose();

    // The shape dotnet test --logger trx writes, cut to what matters.
    private void WriteTrx(string name, string counters) => results.Write(name, $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <ResultSummary outcome="Completed">
            <Counters {counters} />
          </ResultSummary>
        </TestRun>
        """);

    [Fact]
    public void The_counts_of_every_file_add_up()
    {
        WriteTrx("a.trx", """total="12" executed="10" passed="10" failed="0" error="0" notExecuted="2" """);
        WriteTrx("b.trx", """total="5" executed="5" passed="5" failed="0" error="0" notExecuted="0" """);
        results.Write("notes.txt", "not a result");

        var counted = TestResults.Read(results.Path);

        Assert.Equal(new TestResults(Passed: 15, Failed: 0, Skipped: 2, Files: 2), counted);
        Assert.True(counted.Succeeded);
        Assert.Equal("tests: 15 passed, 0 failed, 2 skipped", counted.Line);
    }

    [Fact]
    public void Errors_count_as_failures()
    {
        WriteTrx("a.trx", """passed="3" failed="1" error="2" notExecuted="0" """);

        var counted = TestResults.Read(results.Path);

        Assert.Equal(new TestResults(3, 3, 0, 1), counted);
        Assert.False(counted.Succeeded);
        Assert.Equal("tests: 3 passed, 3 failed", counted.Line);
    }

    [Fact]
    public void Results_from_another_namespace_are_named()
    {
        results.Write("a.trx", """<TestRun><ResultSummary><Counters passed="3" /></ResultSummary></TestRun>""");

        var e = Assert.Throws<BuildStepException>(() => TestResults.Read(results.Path));

        Assert.Equal(results.File("a.trx") + ": no <Counters> element in the TeamTest 2010 namespace", e.Message);
    }

    [Fact]
    public void A_counter_that_is_not_a_number_is_named()
    {
        WriteTrx("a.trx", """passed="many" failed="0" """);

        var e = Assert.Throws<BuildStepException>(() => TestResults.Read(results.Path));

        Assert.Equal(results.File("a.trx") + ": <Counters passed=\"many\"> is not a count", e.Message);
    }

    [Fact]
    public async Task The_command_prints_the_line_and_passes_when_all_passed()
    {
        WriteTrx("a.trx", """passed="7" failed="0" error="0" notExecuted="0" """);

        var run = await Run.ToolAsync("test-summary", results.Path);

        Assert.Equal((0, "tests: 7 passed, 0 failed", ""), (run.Exit, run.LastLine, run.Error));
    }

    [Fact]
    public async Task The_command_fails_on_a_failed_test_after_printing_the_line()
    {
        WriteTrx("a.trx", """passed="7" failed="2" error="0" notExecuted="1" """);

        var run = await Run.ToolAsync("test-summary", results.Path);

        Assert.Equal(1, run.Exit);
        Assert.Equal("tests: 7 passed, 2 failed, 1 skipped", run.LastLine);
        Assert.Equal("error: 2 tests failed (7 passed).", run.Error.Trim());
    }

    [Fact]
    public async Task No_results_at_all_is_a_failure_not_a_pass()
    {
        var run = await Run.ToolAsync("test-summary", results.Path);

        Assert.Equal(1, run.Exit);
        Assert.Equal("tests: 0 passed, 0 failed", run.LastLine);
        Assert.Equal($"error: no .trx file in '{results.Path}'.", run.Error.Trim());
    }
}
