// Emitted into {Api}.Server.Interface.g.cs, between the security interface and the options (ServerEmitter.Interface).
namespace Kernel.Contracts.Support;

/// <summary>A problem details response (<c>application/problem+json</c>), for the security hook and middleware.</summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
public sealed partial class ApiProblemResult : global::Microsoft.AspNetCore.Http.IResult, global::Microsoft.AspNetCore.Http.IStatusCodeHttpResult
{
    /// <summary>Creates the response; the problem's <c>status</c> is set to <paramref name="statusCode"/> when missing.</summary>
    public ApiProblemResult(int statusCode, ApiProblem problem)
    {
        StatusCode = statusCode;
        Problem = (problem ?? throw new System.ArgumentNullException(nameof(problem))) with { Status = problem.Status ?? statusCode };
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    int? global::Microsoft.AspNetCore.Http.IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The problem document.</summary>
    public ApiProblem Problem { get; }

    /// <inheritdoc/>
    public async System.Threading.Tasks.Task ExecuteAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext)
    {
        var body = global::Kernel.Contracts.Support.JsonCodec.Serialize(Problem, ApiProblemJsonConverter.WriteValue);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "application/problem+json";
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
