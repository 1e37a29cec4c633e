using System;
using System.Diagnostics;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Xunit;

namespace Kernel.Contracts.Pact.Tests;

public sealed partial class NativeResourceTests
{
    [Fact]
    public void Usage_tracking_is_disabled_in_the_native_environment()
    {
        _ = PactNativeLibrary.Version;

        // .NET's Environment.SetEnvironmentVariable alone would not reach the Rust core on Unix.
        Assert.Equal("true", Marshal.PtrToStringUTF8(GetEnv("PACT_DO_NOT_TRACK")), ignoreCase: true);
    }

    [Fact]
    public async Task Thousands_of_pact_create_free_cycles_and_mock_servers_do_not_leak()
    {
        static void Cycle(int i)
        {
            using var pact = Pact.V4("Leak.Consumer", "Leak.Provider", new PactConfig { PactDir = TestPaths.NewPactDirPath() });
            pact.UponReceiving("interaction " + i)
                .WithRequest(HttpMethod.Get, "/items/" + i)
                .WillRespond()
                .WithStatus(200)
                .WithJsonBody(new { id = Matchers.Match.Integer(i) });
        }

        for (var i = 0; i < 200; i++)
        {
            Cycle(i);
        }

        var before = Process.GetCurrentProcess().PrivateMemorySize64;
        for (var i = 0; i < 2000; i++)
        {
            Cycle(i);
        }

        for (var i = 0; i < 50; i++)
        {
            using var pact = Pact.V4("Leak.Consumer", "Leak.Provider", new PactConfig { PactDir = TestPaths.NewPactDirPath() });
            pact.UponReceiving("nothing").WithRequest(HttpMethod.Get, "/").WillRespond().WithStatus(204);
            await Assert.ThrowsAsync<PactVerificationException>(() => pact.VerifyAsync(_ => Task.CompletedTask));
        }

        var growth = Process.GetCurrentProcess().PrivateMemorySize64 - before;
        Assert.True(growth < 64L * 1024 * 1024, $"private memory grew by {growth / 1024} KiB");
    }

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnv(string name);
}
