using System.Threading.Tasks;
using Kernel.Contracts.Reference;
using Kernel.Contracts.Reference.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kernel.Contracts.Contracts.Tests;

/// <summary>The Platform reference as the pact's provider; its provider states are the reference's own (<see cref="PlatformProviderStates"/>).</summary>
public static class PlatformProvider
{
    public const string Name = "kernel-platform-api";

    /// <summary>Starts the provider; <paramref name="broken"/> makes <c>runPipeline</c> answer <c>jobId</c> instead of <c>job_id</c>.</summary>
    public static Task<ProviderHost> StartAsync(bool broken = false) =>
        ProviderHost.StartAsync(
            services => services.AddPlatformReference(),
            (app, _) =>
            {
                if (!broken) return;
                app.Use(async (HttpContext context, RequestDelegate next) =>
                {
                    // Only the successful run of the demo dataset is broken; every other interaction still passes.
                    if (HttpMethods.IsPost(context.Request.Method)
                        && context.Request.Path == "/api/v1/study/" + PlatformReferenceOptions.DemoStudyId + "/dataset/" + PlatformReferenceOptions.DemoDatasetId + "/pipeline/qc_nirs"
                        && context.Request.Headers.Authorization == PlatformReferenceOptions.DemoApiKey
                        && !context.RequestServices.GetRequiredService<PlatformReferenceOptions>().BackendFails)
                    {
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync("{\"jobId\":\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"}");
                        return;
                    }

                    await next(context);
                });
            },
            app => app.MapPlatformReference());
}
