namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each {Api}ServerEndpoints class, after Use{Api}ProblemResponses,
// which calls UseFrameworkProblems (ServerEmitter.Endpoints).
internal static partial class EndpointMembers
{
    /// <summary>What each Use{Api}ProblemResponses does: exceptions and bodiless error statuses become problems.</summary>
    private static global::Microsoft.AspNetCore.Builder.IApplicationBuilder UseFrameworkProblems(global::Microsoft.AspNetCore.Builder.IApplicationBuilder app)
    {
        global::Microsoft.AspNetCore.Builder.ExceptionHandlerExtensions.UseExceptionHandler(app, new global::Microsoft.AspNetCore.Builder.ExceptionHandlerOptions
        {
            ExceptionHandler = static context =>
            {
                // A request that could not be read (a broken body) is the client's fault: its status, not a 500.
                if (context.Features.Get<global::Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is global::Microsoft.AspNetCore.Http.BadHttpRequestException bad)
                {
                    context.Response.StatusCode = bad.StatusCode;
                }

                return WriteFrameworkProblemAsync(context);
            },
        });
        global::Microsoft.AspNetCore.Builder.StatusCodePagesExtensions.UseStatusCodePages(app, static context => WriteFrameworkProblemAsync(context.HttpContext));
        return app;
    }

    private static async System.Threading.Tasks.Task WriteFrameworkProblemAsync(global::Microsoft.AspNetCore.Http.HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (context.RequestServices.GetService(typeof(global::Microsoft.AspNetCore.Http.IProblemDetailsService)) is global::Microsoft.AspNetCore.Http.IProblemDetailsService problems
            && await problems.TryWriteAsync(new global::Microsoft.AspNetCore.Http.ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status } }).ConfigureAwait(false))
        {
            return;
        }

        // No service, or its writers refused the request's Accept: a problem is still the one answer with a type.
        var title = global::Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        await new ApiProblemResult(status, new ApiProblem { Type = "about:blank", Title = title.Length > 0 ? title : "Status " + status }).ExecuteAsync(context).ConfigureAwait(false);
    }
}
