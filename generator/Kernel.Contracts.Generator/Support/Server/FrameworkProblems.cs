namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each {Api}ServerEndpoints class, after Use{Api}ProblemResponses (ServerEmitter.Endpoints).
internal static partial class EndpointMembers
{
    private static async global::System.Threading.Tasks.Task WriteFrameworkProblemAsync(global::Microsoft.AspNetCore.Http.HttpContext context)
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
