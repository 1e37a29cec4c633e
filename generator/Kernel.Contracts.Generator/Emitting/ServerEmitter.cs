using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>
/// Emits ASP.NET Core server stubs: an interface with one method per operation returning a result type that
/// allows exactly the documented responses, and <c>Map{Api}Api()</c>, which routes every operation (under
/// every server base path), enforces security through a pluggable hook, binds and validates parameters and
/// bodies against the document, and answers a bad request with a 400 problem before the handler runs.
/// </summary>
internal sealed class ServerEmitter
{
    private const string Ctx = "global::Microsoft.AspNetCore.Http.HttpContext";
    private const string StringValues = "global::Microsoft.Extensions.Primitives.StringValues";
    private const string Ct = "System.Threading.CancellationToken";
    private const string Errors = "System.Collections.Generic.List<" + "ValidationError" + ">";

    /// <summary>
    /// The Content-Type of a response without a body: never a JSON type, since clients that parse every body labelled
    /// JSON (the 2018 Backend.AI JavaScript client) fail on an empty one; the type aiohttp gave a bodiless 204.
    /// </summary>
    internal const string BodilessContentType = "application/octet-stream";

    private readonly ApiModel _api;
    private readonly TypeNames _names;
    private readonly PatternTable _patterns = new();

    public ServerEmitter(ApiModel api)
    {
        _api = api;
        _names = new TypeNames(api.Namespace);
    }

    private string Server => "I" + _api.ApiName + "Server";

    private string Security => "I" + _api.ApiName + "ServerSecurity";

    private string Options => _api.ApiName + "ServerOptions";

    public IEnumerable<GeneratedFile> Emit()
    {
        var prefix = _api.ApiName + ".Server.";
        yield return new GeneratedFile(prefix + "Interface.g.cs", Interface());
        foreach (var op in _api.Operations)
        {
            yield return new GeneratedFile(prefix + "Results." + op.Name + "Result.g.cs", Result(op));
        }

        yield return new GeneratedFile(prefix + "Endpoints.g.cs", Endpoints());
    }

    // ---- the interface ----

    private string Interface()
    {
        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>Implements " + SourceWriter.Escape(_api.Title) + ": one method per operation. Register it in DI and call <c>Map" + _api.ApiName + "Api()</c>.</summary>");
        w.Line("/// <remarks>Requests reach a method only after their parameters and body passed validation against the API description.</remarks>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public partial interface " + Server))
        {
            var first = true;
            foreach (var op in _api.Operations)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Summary(op.Summary ?? op.Description, op.Method + " " + op.Path);
                foreach (var p in HandlerParameters(op))
                {
                    w.Line("/// <param name=\"" + p.Name.TrimStart('@') + "\">" + SourceWriter.OneLine(p.Doc) + "</param>");
                }

                w.Line("/// <param name=\"context\">The request's context (headers, user, services).</param>");
                w.Line("/// <param name=\"cancellationToken\">Cancelled when the client goes away.</param>");
                w.Line("/// <returns>One of the documented responses: see <see cref=\"" + op.Name + "Result\"/>.</returns>");
                var parameters = HandlerParameters(op).Select(p => p.Type + " " + p.Name).Concat(new[] { Ctx + " context", Ct + " cancellationToken" });
                w.Line("System.Threading.Tasks.Task<" + _names.Named(op.Name + "Result") + "> " + op.Name + "Async(" + string.Join(", ", parameters) + ");");
            }
        }

        w.Line();
        w.Line("/// <summary>Checks the credentials of a request against the operation's security schemes, before the handler runs.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public partial interface " + Security))
        {
            w.Line("/// <summary>Returns null to let the request through, or the response (a 400 or 401 problem) that rejects it.</summary>");
            w.Line("/// <param name=\"context\">The request.</param>");
            w.Line("/// <param name=\"schemes\">The names of the security schemes the operation accepts (any one suffices).</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancelled when the client goes away.</param>");
            w.Line("System.Threading.Tasks.ValueTask<global::Microsoft.AspNetCore.Http.IResult?> AuthenticateAsync(" + Ctx + " context, System.Collections.Generic.IReadOnlyList<string> schemes, " + Ct + " cancellationToken);");
        }

        w.Line();
        w.Lines(SupportFiles.Types("Server/ApiProblemResult.cs", _api.Namespace));
        w.Line();
        w.Line("/// <summary>Options of the " + SourceWriter.Escape(_api.Title) + " server stubs.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public sealed partial class " + Options))
        {
            w.Line("/// <summary>The <c>type</c> of the 400 problem sent for a request that breaks the API description.</summary>");
            w.Line("public string ValidationProblemType { get; set; } = \"about:blank\";");
            w.Line();
            w.Line("/// <summary>The <c>title</c> of that problem.</summary>");
            w.Line("public string ValidationProblemTitle { get; set; } = \"The request does not match the API description.\";");
            w.Line();
            w.Line("/// <summary>The path prefixes the API is served under (from the document's servers).</summary>");
            w.Line("public System.Collections.Generic.IList<string> BasePaths { get; } = new System.Collections.Generic.List<string> { " + string.Join(", ", _api.BasePaths.Select(Naming.Literal)) + " };");
            w.Line();
            w.Line("/// <summary>The largest request body read, in bytes; a larger one is a 400 problem.</summary>");
            w.Line("public int MaxBodyBytes { get; set; } = 1024 * 1024;");
        }

        return w.ToString();
    }

    private sealed record HandlerParameter(string Type, string Name, string Doc);

    private IEnumerable<HandlerParameter> HandlerParameters(OperationModel op)
    {
        foreach (var p in op.Parameters.Where(p => p.In != ParameterLocationKind.Cookie))
        {
            var type = p.Type.Kind == TypeRefKind.Array ? "System.Collections.Generic.IReadOnlyList<" + _names.Of(p.Type.Element!) + ">" : _names.Of(p.Type);
            yield return new HandlerParameter(p.Required ? type : type + "?", p.Name, p.Description ?? "The " + p.In.ToString().ToLowerInvariant() + " parameter '" + p.WireName + "'.");
        }

        if (op.Body is { Format: BodyFormat.Json, Type: { } bodyType } body)
        {
            yield return new HandlerParameter(_names.Of(bodyType) + (body.Required ? string.Empty : "?"), "body", body.Description ?? "The request body, validated.");
        }
    }

    // ---- result types ----

    private string Result(OperationModel op)
    {
        var self = op.Name + "Result";
        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>A documented response of " + SourceWriter.OneLine(op.Method + " " + op.Path) + ": " + string.Join(", ", op.Responses.Select(r => r.StatusCode)) + ".</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public sealed partial class " + self + " : global::Microsoft.AspNetCore.Http.IResult, global::Microsoft.AspNetCore.Http.IStatusCodeHttpResult"))
        {
            w.Line("private readonly byte[]? _body;");
            w.Line("private readonly string _contentType;");
            w.Line();
            w.Line("private " + self + "(int statusCode, string contentType, object? value, byte[]? body)");
            w.Line("{");
            w.Line("    StatusCode = statusCode;");
            w.Line("    _contentType = contentType;");
            w.Line("    Value = value;");
            w.Line("    _body = body;");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The HTTP status code.</summary>");
            w.Line("public int StatusCode { get; }");
            w.Line();
            w.Line("int? global::Microsoft.AspNetCore.Http.IStatusCodeHttpResult.StatusCode => StatusCode;");
            w.Line();
            w.Line("/// <summary>The body as the handler gave it (null for none).</summary>");
            w.Line("public object? Value { get; }");
            var used = new HashSet<string>(StringComparer.Ordinal) { "StatusCode", "Value", "ExecuteAsync", self };
            foreach (var r in op.Responses)
            {
                var contentType = r.ContentType ?? BodilessContentType;
                var factory = Naming.Unique(FactoryName(r.StatusCode), used);
                var ranged = r.NumericStatus is null;
                var statusParameter = ranged ? "int statusCode" : null;
                var statusValue = ranged ? "statusCode" : r.StatusCode;
                w.Line();
                w.Summary((r.NumericStatus is null ? r.StatusCode : r.StatusCode + " " + Naming.Reason(r.StatusCode)) + (r.Description is null ? string.Empty : ": " + r.Description.Trim()));
                var args = new List<string>();
                if (statusParameter is not null)
                {
                    args.Add(statusParameter);
                }

                string bodyExpression;
                string valueExpression;
                if (r.Type is { } type && r.Format == BodyFormat.Json)
                {
                    args.Add(_names.Of(type) + " body");
                    bodyExpression = _names.Codec + ".Serialize(body, " + _names.WriteFunc(type) + ")";
                    valueExpression = "body";
                }
                else if (r.ContentType is not null && r.Format == BodyFormat.Text)
                {
                    args.Add("string body");
                    bodyExpression = "System.Text.Encoding.UTF8.GetBytes(body)";
                    valueExpression = "body";
                }
                else if (r.ContentType is not null)
                {
                    args.Add("byte[] body");
                    bodyExpression = "body";
                    valueExpression = "body";
                }
                else
                {
                    bodyExpression = "null";
                    valueExpression = "null";
                }

                using (w.Block("public static " + self + " " + factory + "(" + string.Join(", ", args) + ")"))
                {
                    if (ranged)
                    {
                        var check = RangeCheck(r.StatusCode, op);
                        w.Line("if (!(" + check + ")) throw new System.ArgumentOutOfRangeException(nameof(statusCode), statusCode, \"Not a status this response covers.\");");
                    }

                    if (valueExpression != "null" && !(r.Type?.IsValueType ?? false))
                    {
                        w.Line("if (body is null) throw new System.ArgumentNullException(nameof(body));");
                    }

                    w.Line("return new " + self + "(" + statusValue + ", " + Naming.Literal(contentType) + ", " + valueExpression + ", " + bodyExpression + ");");
                }
            }

            w.Line();
            w.Line("/// <inheritdoc/>");
            using (w.Block("public async System.Threading.Tasks.Task ExecuteAsync(" + Ctx + " httpContext)"))
            {
                w.Line("httpContext.Response.StatusCode = StatusCode;");
                w.Line("// Every response says what it is, an empty one included (never as JSON): real clients read the Content-Type of each.");
                w.Line("httpContext.Response.ContentType = _contentType;");
                w.Line("httpContext.Response.ContentLength = _body?.Length ?? 0;");
                using (w.Block("if (_body is not null)"))
                {
                    w.Line("await httpContext.Response.Body.WriteAsync(_body, httpContext.RequestAborted).ConfigureAwait(false);");
                }
            }
        }

        return w.ToString();
    }

    /// <summary>The statuses a ranged or <c>default</c> factory accepts (<see cref="ResponseRule.Coverage"/>).</summary>
    private static string RangeCheck(string status, OperationModel op) =>
        StatusCondition.Of(ResponseRule.Coverage(op.Responses.Select(r => r.StatusCode), status), "statusCode");

    private static string FactoryName(string status) => Naming.StatusName(status);

    // ---- endpoints ----

    private string Endpoints()
    {
        var body = new SourceWriter();
        foreach (var op in _api.Operations)
        {
            EmitHandler(body, op);
        }

        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>Routes " + SourceWriter.Escape(_api.Title) + " to an <see cref=\"" + Server + "\"/> from DI.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public static partial class " + _api.ApiName + "ServerEndpoints"))
        {
            _patterns.EmitFields(w, withTimeout: true);
            w.Line("/// <summary>");
            w.Line("/// Maps every operation under every base path of <see cref=\"" + Options + ".BasePaths\"/>. Needs an <see cref=\"" + Server + "\"/>");
            w.Line("/// in DI, and an <see cref=\"" + Security + "\"/> when operations declare security; " + Options + " is optional.");
            w.Line("/// </summary>");
            w.Line("/// <remarks>");
            w.Line("/// Only the operations answer with problem details. A request no route matches (404), a wrong method (405), a");
            w.Line("/// parameter of your own endpoints that cannot be bound (400) and an unhandled exception are answered by ASP.NET Core");
            w.Line("/// with no Content-Type and no body, which clients that read the type of every response cannot handle: call");
            w.Line("/// <see cref=\"Use" + _api.ApiName + "ProblemResponses\"/> on the application for problem details there too.");
            w.Line("/// </remarks>");
            w.Line("/// <param name=\"endpoints\">The application's endpoints.</param>");
            w.Line("/// <returns>The endpoints' convention builders, to add metadata or authorization.</returns>");
            using (w.Block("public static System.Collections.Generic.IReadOnlyList<global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder> Map" + _api.ApiName + "Api(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)"))
            {
                w.Line("var options = (" + Options + "?)endpoints.ServiceProvider.GetService(typeof(" + Options + ")) ?? new " + Options + "();");
                if (_api.Operations.Any(o => o.Security.Count > 0))
                {
                    w.Line("if (endpoints.ServiceProvider.GetService(typeof(" + Security + ")) is null)");
                    w.Line("{");
                    w.Line("    throw new System.InvalidOperationException(\"Operations of " + _api.Title.Replace("\"", "'") + " require authentication: register an " + Security + " in the service collection.\");");
                    w.Line("}");
                }

                w.Line("var builders = new System.Collections.Generic.List<global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder>();");
                using (w.Block("foreach (var basePath in options.BasePaths)"))
                {
                    foreach (var op in _api.Operations)
                    {
                        w.Line("builders.Add(global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithName(global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapMethods(endpoints, basePath.TrimEnd('/') + " + Naming.Literal(op.Path) + ", new[] { " + Naming.Literal(op.Method) + " }, context => Handle" + op.Name + "(context, options)), basePath + " + Naming.Literal("/" + op.OperationId) + "));");
                    }
                }

                w.Line("return builders;");
            }

            w.Line();
            w.Lines(UseProblemResponsesDocs);
            w.Line("public static global::Microsoft.AspNetCore.Builder.IApplicationBuilder Use" + _api.ApiName + "ProblemResponses(this global::Microsoft.AspNetCore.Builder.IApplicationBuilder app) => UseFrameworkProblems(app);");
            w.Line();
            w.Lines(SupportFiles.Members("Server/FrameworkProblems.cs", _api.Namespace));
            w.Line();
            w.Lines(body.ToString().TrimEnd('\n'));
            w.Line();
            w.Lines(SupportFiles.Members("Server/ParameterParsing.cs", _api.Namespace));
            w.Line();
            w.Lines(SupportFiles.Members("Server/RequestBody.cs", _api.Namespace));
            w.Line();
            w.Lines(SupportFiles.Members("Server/ValidationProblem.cs", _api.Namespace));
        }

        return w.ToString();
    }

    private void EmitHandler(SourceWriter w, OperationModel op)
    {
        if (op.Security.Count > 0)
        {
            w.Line("private static readonly string[] " + op.Name + "Schemes = { " + string.Join(", ", op.Security.Select(Naming.Literal)) + " };");
            w.Line();
        }

        // Handle…: never a bare name from the document, which could be System and shadow the files' alias (Emitter.SystemAlias).
        using (w.Block("private static async System.Threading.Tasks.Task Handle" + op.Name + "(" + Ctx + " context, " + Options + " options)"))
        {
            w.Line("var cancellationToken = context.RequestAborted;");
            if (op.Security.Count > 0)
            {
                if (op.Body is not null)
                {
                    // A scheme may sign the body: let the hook read it and the binder read it again.
                    w.Line("global::Microsoft.AspNetCore.Http.HttpRequestRewindExtensions.EnableBuffering(context.Request);");
                }

                w.Line("var security = (" + Security + ")context.RequestServices.GetService(typeof(" + Security + "))!;");
                w.Line("var rejected = await security.AuthenticateAsync(context, " + op.Name + "Schemes, cancellationToken).ConfigureAwait(false);");
                w.Line("if (rejected is not null) { await rejected.ExecuteAsync(context).ConfigureAwait(false); return; }");
            }

            w.Line("var errors = new " + Errors + "();");
            foreach (var p in op.Parameters.Where(p => p.In != ParameterLocationKind.Cookie))
            {
                BindParameter(w, p);
            }

            var hasBody = op.Body is { Format: BodyFormat.Json, Type: not null };
            if (hasBody)
            {
                var b = op.Body!;
                w.Line(_names.Nullable(b.Type!) + " body = default;");
                w.Line("var json = await ReadJsonAsync(context, " + (b.Required ? "true" : "false") + ", options.MaxBodyBytes, errors).ConfigureAwait(false);");
                using (w.Block("if (json is not null)"))
                {
                    using (w.Block("using (json)"))
                    {
                        using (w.Block("try"))
                        {
                            w.Line("var before = errors.Count;");
                            w.Line(Validator(b.Type!) + "(json.RootElement, string.Empty, errors);");
                            using (w.Block("if (errors.Count == before)"))
                            {
                                w.Line("var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json.RootElement.GetRawText()));");
                                w.Line("reader.Read();");
                                w.Line("body = " + _names.Read(b.Type!) + ";");
                            }
                        }

                        w.Line("catch (System.Text.Json.JsonException e) { errors.Add(new ValidationError(string.Empty, e.Message)); }");
                        w.Line("// JSON that parses but whose strings cannot be read (invalid UTF-8, an escaped lone surrogate) is the client's error.");
                        w.Line("catch (System.InvalidOperationException e) { errors.Add(new ValidationError(string.Empty, \"is not valid JSON text: \" + e.Message)); }");
                    }
                }
            }

            using (w.Block("if (errors.Count > 0)"))
            {
                w.Line("await WriteValidationProblemAsync(context, options.ValidationProblemType, options.ValidationProblemTitle, " + ValidationProblemMembers(op) + ", errors).ConfigureAwait(false);");
                w.Line("return;");
            }

            w.Line("var server = (" + Server + ")(context.RequestServices.GetService(typeof(" + Server + ")) ?? throw new System.InvalidOperationException(\"Register an " + Server + " in the service collection.\"));");
            var args = op.Parameters.Where(p => p.In != ParameterLocationKind.Cookie).Select(p => p.Required && p.Type.IsValueType && p.Type.Kind != TypeRefKind.Array ? p.Name + ".GetValueOrDefault()" : p.Required ? p.Name + "!" : p.Name).ToList();
            if (hasBody)
            {
                args.Add(op.Body!.Required ? (op.Body.Type!.IsValueType ? "body.GetValueOrDefault()" : "body!") : "body");
            }

            args.Add("context");
            args.Add("cancellationToken");
            w.Line("var result = await server." + op.Name + "Async(" + string.Join(", ", args) + ").ConfigureAwait(false);");
            w.Line("await result.ExecuteAsync(context).ConfigureAwait(false);");
        }

        w.Line();
    }

    /// <summary>
    /// The members the 400 for a request that breaks the document fills: those the schema of the operation's documented
    /// response for 400 (<see cref="ResponseRule.KeyFor"/>: 400, else 4XX, else default) has, by their RFC 9457 names and
    /// types; all of them when that response has no object schema.
    /// </summary>
    private string ValidationProblemMembers(OperationModel op)
    {
        var all = new[] { "Type", "Title", "Status", "Detail", "ErrorObjects" };
        var key = ResponseRule.KeyFor(op.Responses.Select(r => r.StatusCode), 400);
        var response = op.Responses.FirstOrDefault(r => r.StatusCode == key);
        var schema = response?.Type is { Kind: TypeRefKind.Named } named ? _api.Types.FirstOrDefault(t => t.Name == named.Name) : null;
        if (schema is null || schema.Kind != TypeModelKind.Object)
        {
            return string.Join(" | ", all.Select(m => "ProblemMembers." + m));
        }

        TypeRef? Member(string jsonName) => schema.Properties.FirstOrDefault(p => p.JsonName == jsonName)?.Type;
        bool IsText(TypeRef? type) => type?.Kind is TypeRefKind.String or TypeRefKind.Uri;
        var members = new List<string>();
        if (IsText(Member("type"))) members.Add("Type");
        if (IsText(Member("title"))) members.Add("Title");
        if (Member("status")?.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single or TypeRefKind.Decimal) members.Add("Status");
        if (IsText(Member("detail"))) members.Add("Detail");
        if (Member("errors") is { Kind: TypeRefKind.Array, Element: { } item })
        {
            var itemSchema = item.Kind == TypeRefKind.Named ? _api.Types.FirstOrDefault(t => t.Name == item.Name) : null;
            if (item.Kind == TypeRefKind.Any || (itemSchema is { Kind: TypeModelKind.Object } && new[] { "name", "reason" }.All(n => itemSchema.Properties.Any(p => p.JsonName == n && IsText(p.Type)))))
            {
                members.Add("ErrorObjects");
            }
            else if (IsText(item))
            {
                members.Add("ErrorStrings");
            }
        }

        return members.Count == 0 ? "ProblemMembers.None" : string.Join(" | ", members.Select(m => "ProblemMembers." + m));
    }

    private string Validator(TypeRef type) =>
        type.Kind == TypeRefKind.Named ? "global::" + _api.Namespace + "." + _api.ApiName + "SchemaValidator.Validate" + type.Name : "SkipValidation";

    private void BindParameter(SourceWriter w, ParameterModel p)
    {
        var source = p.In switch
        {
            // StringValues wraps one string without an array: no allocation per parameter.
            ParameterLocationKind.Path => "context.Request.RouteValues.TryGetValue(" + Naming.Literal(p.WireName) + ", out var " + Raw(p) + "Route) ? new " + StringValues + "(" + Raw(p) + "Route as string ?? System.Convert.ToString(" + Raw(p) + "Route, System.Globalization.CultureInfo.InvariantCulture)) : " + StringValues + ".Empty",
            ParameterLocationKind.Query => "context.Request.Query[" + Naming.Literal(p.WireName) + "]",
            _ => "context.Request.Headers[" + Naming.Literal(p.WireName) + "]",
        };
        w.Line(StringValues + " " + Raw(p) + " = " + source + ";");
        var isArray = p.Type.Kind == TypeRefKind.Array;
        var element = isArray ? p.Type.Element! : p.Type;
        var elementType = _names.Of(element);
        var c = isArray ? (p.Type.ElementConstraints ?? Constraints.None) : p.Constraints;
        var parse = ParseExpression(element, c);
        if (isArray)
        {
            w.Line("var " + p.Name.TrimStart('@') + "Values = ParseAll<" + elementType + ">(" + Raw(p) + ", " + Naming.Literal(p.WireName) + ", " + (p.Required ? "true" : "false") + ", errors, static (parseText, parseName, parseErrors) => " + parse + ");");
            w.Line("var " + p.Name + " = " + p.Name.TrimStart('@') + "Values;");
        }
        else
        {
            var nullable = element.IsValueType ? elementType + "?" : elementType + "?";
            w.Line(nullable + " " + p.Name + " = default;");
            w.Line("if (ParseOne(" + Raw(p) + ", " + Naming.Literal(p.WireName) + ", " + (p.Required ? "true" : "false") + ", errors, out var " + Raw(p) + "Text))");
            w.Line("{");
            w.Line("    var parseText = " + Raw(p) + "Text!;");
            w.Line("    var parseName = " + Naming.Literal(p.WireName) + ";");
            w.Line("    var parseErrors = errors;");
            w.Line("    " + p.Name + " = " + parse + ";");
            w.Line("}");
        }
    }

    private static string Raw(ParameterModel p) => "raw" + Naming.Pascal(p.Name.TrimStart('@'));

    /// <summary>An expression that turns the text <c>text</c> into the element type, reporting into <c>errs</c>.</summary>
    private string ParseExpression(TypeRef type, Constraints c)
    {
        var pattern = c.Pattern is null ? "null" : _patterns.Field(c.Pattern);
        var text = "CheckText(parseText, parseName, " + NumberLiterals.Int(c.MinLength) + ", " + NumberLiterals.Int(c.MaxLength) + ", " + pattern + ", " + Naming.Literal(c.Format) + ", parseErrors)";
        var range = NumberLiterals.Decimal(c.Minimum) + ", " + (c.ExclusiveMinimum ? "true" : "false") + ", " + NumberLiterals.Decimal(c.Maximum) + ", " + (c.ExclusiveMaximum ? "true" : "false");
        return type.Kind switch
        {
            TypeRefKind.String => text,
            TypeRefKind.Boolean => "ParseBoolean(parseText, parseName, parseErrors)",
            TypeRefKind.Int32 => "(int)ParseNumber(parseText, parseName, true, " + range + ", int.MinValue, int.MaxValue, parseErrors)",
            TypeRefKind.Int64 => "(long)ParseNumber(parseText, parseName, true, " + range + ", long.MinValue, long.MaxValue, parseErrors)",
            TypeRefKind.Double => "(double)ParseNumber(parseText, parseName, false, " + range + ", decimal.MinValue, decimal.MaxValue, parseErrors)",
            TypeRefKind.Single => "(float)ParseNumber(parseText, parseName, false, " + range + ", decimal.MinValue, decimal.MaxValue, parseErrors)",
            TypeRefKind.Decimal => "ParseNumber(parseText, parseName, false, " + range + ", decimal.MinValue, decimal.MaxValue, parseErrors)",
            TypeRefKind.Guid => "System.Guid.TryParse(parseText, out var g) ? g : Invalid<System.Guid>(parseName, \"must be a uuid\", parseErrors)",
            TypeRefKind.DateTimeOffset => "System.DateTimeOffset.TryParse(parseText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t : Invalid<System.DateTimeOffset>(parseName, \"must be a date-time\", parseErrors)",
            TypeRefKind.DateOnly => "System.DateOnly.TryParseExact(parseText, \"yyyy-MM-dd\", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : Invalid<System.DateOnly>(parseName, \"must be a date (yyyy-MM-dd)\", parseErrors)",
            TypeRefKind.Uri => "System.Uri.TryCreate(parseText, System.UriKind.RelativeOrAbsolute, out var u) ? u : Invalid<System.Uri>(parseName, \"must be a URI\", parseErrors)",
            TypeRefKind.Named => "ParseEnum(parseText, parseName, " + _names.Named(type.Name!) + ".KnownValues, static v => new " + _names.Named(type.Name!) + "(v), parseErrors)",
            _ => "CheckText(parseText, parseName, null, null, null, null, parseErrors)",
        };
    }

    // The docs of Use{Api}ProblemResponses, named after the API; what it does is in Support/Server/FrameworkProblems.cs.
    private const string UseProblemResponsesDocs = """
/// <summary>
/// Answers the responses ASP.NET Core writes itself with problem details (<c>application/problem+json</c>), as the
/// operations do: no route (404), a wrong method (405, with its <c>Allow</c> header), a failed binding of a parameter
/// (400) and an unhandled exception (500, or the status of a <see cref="global::Microsoft.AspNetCore.Http.BadHttpRequestException"/>).
/// Through <see cref="global::Microsoft.AspNetCore.Http.IProblemDetailsService"/> when the services have one
/// (<c>services.AddProblemDetails()</c>, to shape them), otherwise as an <see cref="ApiProblem"/>. Call it before your
/// other middleware. Responses Kestrel writes before the application runs stay as they are: 400 for a malformed request,
/// 405 for the target <c>*</c> with a method other than OPTIONS, 414 for a long request line, 431 for large headers.
/// </summary>
/// <param name="app">The application.</param>
/// <returns>The application, for chaining.</returns>
""";
}
