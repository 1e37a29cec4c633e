using System;
using System.Collections.Generic;
using System.Linq;
using Kernel.Contracts.Generator.Model;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Emitting;

/// <summary>Emits the typed client: an interface, a class over <c>HttpClient</c>, options, auth handlers and DI registration.</summary>
internal sealed class ClientEmitter
{
    private const string Task = "System.Threading.Tasks.Task";
    private const string Ct = "System.Threading.CancellationToken";
    private const string Invariant = "System.Globalization.CultureInfo.InvariantCulture";

    private readonly ApiModel _api;
    private readonly CompilationFacts _facts;
    private readonly TypeNames _names;

    /// <summary>The result type of each operation whose successes have different body types, by operation name.</summary>
    private readonly Dictionary<string, string> _responseTypes = new(StringComparer.Ordinal);

    public ClientEmitter(ApiModel api, CompilationFacts facts)
    {
        _api = api;
        _facts = facts;
        // The client's files live in the API's namespace and name its types only where a type can stand (or as ApiException,
        // JsonCodec and converters, which no member of theirs is called), so the short spelling is safe.
        _names = new TypeNames(api.Namespace, qualified: false);
        var used = new HashSet<string>(api.Types.Select(t => t.Name), StringComparer.Ordinal);
        foreach (var op in api.Operations.Where(o => SuccessTypes(Successes(o)).Count > 1))
        {
            // A schema may already be called <Operation>Response (Discord's ThreadSearchResponse is the 200 body of threadSearch).
            var name = used.Contains(op.Name + "Response") ? op.Name + "ClientResponse" : op.Name + "Response";
            _responseTypes[op.Name] = Naming.Unique(name, used);
        }
    }

    private string ClientName => _api.ApiName + "Client";

    public string Options()
    {
        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>Options of <see cref=\"" + ClientName + "\"/>.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public sealed partial class " + ClientName + "Options"))
        {
            w.Line("/// <summary>The address the operations' paths are relative to; when null, the HttpClient's, or else <see cref=\"" + ClientName + ".DefaultBaseAddress\"/>.</summary>");
            w.Line("public System.Uri? BaseAddress { get; set; }");
        }

        return w.ToString();
    }

    public string Interface()
    {
        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>A client of " + SourceWriter.Escape(_api.Title) + ": one method per operation.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public partial interface I" + ClientName))
        {
            var first = true;
            foreach (var op in _api.Operations)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                Docs(w, op);
                w.Line(Signature(op, withDefaults: true) + ";");
            }
        }

        return w.ToString();
    }

    public string Client()
    {
        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>The " + SourceWriter.Escape(_api.Title) + " over an <see cref=\"System.Net.Http.HttpClient\"/>; thread-safe, methods virtual for mocking.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public partial class " + ClientName + " : I" + ClientName))
        {
            w.Line("private readonly System.Net.Http.HttpClient _httpClient;");
            w.Line("private readonly string _baseAddress;");
            w.Line();
            w.Line("/// <summary>Creates a client whose base address is the HttpClient's, or else <see cref=\"DefaultBaseAddress\"/>.</summary>");
            w.Line("public " + ClientName + "(System.Net.Http.HttpClient httpClient)");
            w.Line("    : this(httpClient, null)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>Creates a client with options; their base address wins over the HttpClient's.</summary>");
            using (w.Block("public " + ClientName + "(System.Net.Http.HttpClient httpClient, " + ClientName + "Options? options)"))
            {
                w.Line("_httpClient = httpClient ?? throw new System.ArgumentNullException(nameof(httpClient));");
                w.Line("var baseAddress = options?.BaseAddress ?? httpClient.BaseAddress ?? DefaultBaseAddress");
                w.Line("    ?? throw new System.ArgumentException(\"No base address: set " + ClientName + "Options.BaseAddress or HttpClient.BaseAddress.\", nameof(options));");
                w.Line("if (!baseAddress.IsAbsoluteUri || baseAddress.Query.Length > 0 || baseAddress.Fragment.Length > 0)");
                w.Line("{");
                w.Line("    throw new System.ArgumentException(\"The base address must be an absolute URI without query or fragment: \" + baseAddress, nameof(options));");
                w.Line("}");
                w.Line("var text = baseAddress.AbsoluteUri;");
                w.Line("_baseAddress = text.EndsWith(\"/\", System.StringComparison.Ordinal) ? text : text + \"/\";");
            }

            w.Line();
            w.Line("/// <summary>The API description's first server" + (_api.DefaultBaseAddress is null ? " (it names none)." : ": " + SourceWriter.Escape(_api.DefaultBaseAddress) + ".") + "</summary>");
            w.Line("public static System.Uri? DefaultBaseAddress { get; } = " + (_api.DefaultBaseAddress is null ? "null;" : "new System.Uri(" + Naming.Literal(_api.DefaultBaseAddress) + ");"));

            w.Line();
            w.Line("/// <summary>For mocking frameworks only.</summary>");
            using (w.Block("protected " + ClientName + "()"))
            {
                w.Line("_httpClient = null!;");
                w.Line("_baseAddress = null!;");
            }

            foreach (var op in _api.Operations)
            {
                w.Line();
                Method(w, op);
            }

            w.Line();
            w.Lines(Helpers());
        }

        return w.ToString();
    }

    // ---- response types of operations with several success body types ----

    /// <summary>One file per operation whose successes carry different body types: a result with a typed accessor per status.</summary>
    public IEnumerable<GeneratedFile> Responses()
    {
        foreach (var op in _api.Operations)
        {
            if (_responseTypes.TryGetValue(op.Name, out var name))
            {
                yield return new GeneratedFile(_api.ApiName + ".Client." + name + ".g.cs", Response(op, name));
            }
        }
    }

    private string Response(OperationModel op, string name)
    {
        var successes = InTestOrder(Successes(op)).ToList();
        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>A success response of <see cref=\"I" + ClientName + "." + op.Name + "Async\"/> (" + string.Join(", ", successes.Select(s => s.Status)) + "): its status and the body that status documents.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public sealed partial class " + name))
        {
            w.Line("private readonly object? _body;");
            w.Line();
            using (w.Block("private " + name + "(int statusCode, object? body)"))
            {
                w.Line("StatusCode = statusCode;");
                w.Line("_body = body;");
            }

            w.Line();
            w.Line("/// <summary>The HTTP status code of the response.</summary>");
            w.Line("public int StatusCode { get; }");
            foreach (var s in successes)
            {
                var member = Naming.StatusName(s.Status);
                // An exact status documented beside its range is answered by the exact one (ResponseRule.Coverage).
                var condition = StatusCondition.Of(s.Coverage, "StatusCode");

                // Public factories, as the server's results have: callers that mock the client can make any documented response.
                var ranged = s.Status.Contains("X");
                var factoryParameters = new List<string>();
                if (ranged)
                {
                    factoryParameters.Add("int statusCode");
                }

                if (s.Type is not null)
                {
                    factoryParameters.Add(_names.Of(s.Type) + " body");
                }

                w.Line();
                w.Line("/// <summary>The " + s.Status + " success" + (s.Type is null ? ", which has no body" : ", with its body") + ".</summary>");
                using (w.Block("public static " + name + " " + member + "(" + string.Join(", ", factoryParameters) + ")"))
                {
                    if (s.Type is not null && !s.Type.IsValueType)
                    {
                        w.Line("if (body is null) throw new System.ArgumentNullException(nameof(body));");
                    }

                    if (ranged)
                    {
                        w.Line("if (!(" + condition.Replace("StatusCode", "statusCode") + ")) throw new System.ArgumentOutOfRangeException(nameof(statusCode), statusCode, \"Not a status of the " + s.Status + " success.\");");
                    }

                    w.Line("return new " + name + "(" + (ranged ? "statusCode" : s.Status) + ", " + (s.Type is null ? "null" : "body") + ");");
                }

                w.Line();
                w.Line("/// <summary>Whether the response is the " + s.Status + " success" + (s.Type is null ? ", which has no body" : string.Empty) + ".</summary>");
                w.Line("public bool Is" + member + " => " + condition + ";");
                if (s.Type is null)
                {
                    continue;
                }

                var type = _names.Of(s.Type);
                w.Line();
                w.Line("/// <summary>Gets the body of the " + s.Status + " success; false for any other status.</summary>");
                using (w.Block("public bool TryGet" + member + "([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out " + type + " body)"))
                {
                    w.Line("body = Is" + member + " ? (" + type + ")_body! : default!;");
                    w.Line("return Is" + member + ";");
                }
            }

            w.Line();
            w.Line("/// <summary>Calls the function of the status received and returns what it returns.</summary>");
            var parameters = successes.Select(s => new MatchParameter(Naming.Camel(Naming.StatusName(s.Status)), s)).ToList();
            foreach (var p in parameters)
            {
                w.Line("/// <param name=\"" + p.Name.TrimStart('@') + "\">Called for the " + p.Success.Status + " success" + (p.Success.Type is null ? "." : ", with its body.") + "</param>");
            }

            var declarations = parameters.Select(p => "System.Func<" + (p.Success.Type is null ? string.Empty : _names.Of(p.Success.Type) + ", ") + "TResult> " + p.Name);
            using (w.Block("public TResult Match<TResult>(" + string.Join(", ", declarations) + ")"))
            {
                foreach (var p in parameters)
                {
                    w.Line("if (" + p.Name + " is null) throw new System.ArgumentNullException(nameof(" + p.Name + "));");
                }

                for (var i = 0; i < parameters.Count; i++)
                {
                    var p = parameters[i];
                    var call = p.Name + "(" + (p.Success.Type is null ? string.Empty : "(" + _names.Of(p.Success.Type) + ")_body!") + ")";
                    w.Line(i < parameters.Count - 1 ? "if (Is" + Naming.StatusName(p.Success.Status) + ") return " + call + ";" : "return " + call + ";");
                }
            }
        }

        return w.ToString();
    }

    // ---- methods ----

    /// <summary>A documented response the client returns: its key (<c>2XX</c> when <c>default</c> stands for success), the statuses it covers, its body.</summary>
    private sealed record Success(string Status, StatusCoverage Coverage, TypeRef? Type, BodyFormat Format);

    /// <summary>The responses that are successes by <see cref="ResponseRule"/>: the 2xx ones, else <c>default</c>'s 2xx part.</summary>
    private static List<Success> Successes(OperationModel op)
    {
        var keys = op.Responses.Select(r => r.StatusCode).ToList();
        var list = new List<Success>();
        foreach (var r in op.Responses)
        {
            var coverage = ResponseRule.SuccessCoverage(keys, r.StatusCode);
            if (!coverage.IsEmpty)
            {
                list.Add(new Success(ResponseRule.IsDefault(r.StatusCode) ? "2XX" : r.StatusCode, coverage, r.Type ?? BodyType(r), r.Format));
            }
        }

        return list;
    }

    private static TypeRef? BodyType(ResponseModel response) =>
        response.ContentType is null ? null
        : response.Format == BodyFormat.Text ? TypeRef.String
        : response.Format == BodyFormat.Json ? TypeRef.Any
        : new TypeRef(TypeRefKind.Bytes);

    private static List<TypeRef> SuccessTypes(List<Success> successes) =>
        successes.Where(s => s.Type is not null).Select(s => s.Type!).Distinct().ToList();

    /// <summary>The C# return type (without Task) or null for none; distinct success bodies get a generated response type.</summary>
    private string? ResultType(OperationModel op)
    {
        if (_responseTypes.TryGetValue(op.Name, out var name))
        {
            return _names.Named(name);
        }

        var successes = Successes(op);
        var types = SuccessTypes(successes);
        if (types.Count == 0)
        {
            return null;
        }

        return successes.Any(s => s.Type is null) ? _names.Nullable(types[0]) : _names.Of(types[0]);
    }

    /// <summary>The successes in the order a status is tested: exact codes before ranges.</summary>
    private static IEnumerable<Success> InTestOrder(List<Success> successes) => successes.OrderBy(s => s.Status.Contains("X") ? 1 : 0);

    /// <summary>A parameter of a result's <c>Match</c>: its name and the success it is called for.</summary>
    private sealed record MatchParameter(string Name, Success Success);

    /// <summary>A parameter of an operation's method: its type as declared, its name, and its default when it is optional.</summary>
    private sealed record MethodParameter(string Declaration, string Name, string? Default);

    private IEnumerable<MethodParameter> Parameters(OperationModel op)
    {
        foreach (var p in op.Parameters.Where(p => p.Required))
        {
            yield return new MethodParameter(ParameterType(p, required: true), p.Name, null);
        }

        if (op.Body is { } body && body.Required)
        {
            yield return new MethodParameter(BodyParameterType(body, required: true), BodyName(body), null);
        }

        foreach (var p in op.Parameters.Where(p => !p.Required))
        {
            yield return new MethodParameter(ParameterType(p, required: false), p.Name, "null");
        }

        if (op.Body is { } optional && !optional.Required)
        {
            yield return new MethodParameter(BodyParameterType(optional, required: false), BodyName(optional), "null");
        }
    }

    private static string BodyName(RequestBodyModel body) => body.Format == BodyFormat.Raw ? "content" : "body";

    private string ParameterType(ParameterModel p, bool required)
    {
        var type = p.Type.Kind == TypeRefKind.Array
            ? "System.Collections.Generic.IEnumerable<" + _names.Of(p.Type.Element!) + ">"
            : _names.Of(p.Type);
        return required ? type : type + "?";
    }

    private string BodyParameterType(RequestBodyModel body, bool required)
    {
        var type = body.Format switch
        {
            BodyFormat.Json or BodyFormat.FormUrlEncoded => _names.Of(body.Type ?? TypeRef.Any),
            BodyFormat.Text => "string",
            BodyFormat.Binary => "System.IO.Stream",
            _ => "System.Net.Http.HttpContent",
        };
        return required ? type : type + "?";
    }

    private string Signature(OperationModel op, bool withDefaults)
    {
        var result = ResultType(op);
        var returns = result is null ? Task : Task + "<" + result + ">";
        var parameters = Parameters(op)
            .Select(p => p.Declaration + " " + p.Name + (withDefaults && p.Default is not null ? " = " + p.Default : string.Empty))
            .Concat(new[] { Ct + " cancellationToken" + (withDefaults ? " = default" : string.Empty) });
        return returns + " " + op.Name + "Async(" + string.Join(", ", parameters) + ")";
    }

    private void Docs(SourceWriter w, OperationModel op)
    {
        w.Summary(op.Summary ?? op.Description, op.Method + " " + op.Path);
        var remarks = op.Summary is not null && op.Description is not null && op.Description != op.Summary ? op.Description : null;
        if (remarks is not null)
        {
            w.Line("/// <remarks>");
            foreach (var line in remarks.Trim().Replace("\r\n", "\n").Split('\n'))
            {
                w.Line("/// " + SourceWriter.Escape(line.TrimEnd()));
            }

            w.Line("/// </remarks>");
        }

        foreach (var p in Parameters(op))
        {
            var model = op.Parameters.FirstOrDefault(m => m.Name == p.Name);
            var text = model?.Description ?? (model is null ? op.Body?.Description ?? "The request body." : "The " + model.In.ToString().ToLowerInvariant() + " parameter '" + model.WireName + "'.");
            w.Line("/// <param name=\"" + p.Name.TrimStart('@') + "\">" + SourceWriter.OneLine(text) + "</param>");
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        var successes = string.Join(", ", Successes(op).Select(s => s.Status));
        w.Line("/// <returns>The response of a success (" + successes + ").</returns>");
        var failures = op.Responses.Where(r => !r.IsSuccess).Select(r => r.StatusCode).ToList();
        w.Line("/// <exception cref=\"" + _names.Named("ApiException") + "\">Any other status" + (failures.Count > 0 ? " (documented: " + string.Join(", ", failures) + ")" : string.Empty) + ", or a body that does not match the description.</exception>");
        if (op.Deprecated)
        {
            w.Line(Emitter.ObsoleteAttribute);
        }
    }

    private void Method(SourceWriter w, OperationModel op)
    {
        // The interface carries the operation's documentation; the class inherits it.
        w.Line("/// <inheritdoc/>");
        if (op.Deprecated)
        {
            w.Line(Emitter.ObsoleteAttribute);
        }

        var shared = SharedSend(op);
        using (w.Block("public virtual " + (shared is null ? "async " : string.Empty) + Signature(op, withDefaults: true)))
        {
            foreach (var p in Parameters(op).Where(p => p.Default is null && !IsValueType(op, p.Name)))
            {
                w.Line("if (" + p.Name + " is null) throw new System.ArgumentNullException(nameof(" + p.Name + "));");
            }

            // Path: each {name} replaced by its escaped value.
            var path = op.Path.TrimStart('/');
            var pathExpr = PathExpression(op, path);

            var queryParameters = op.Parameters.Where(p => p.In == ParameterLocationKind.Query).ToList();
            string uri;
            if (queryParameters.Count == 0)
            {
                uri = "_baseAddress + " + pathExpr;
            }
            else
            {
                w.Line("var url = new System.Text.StringBuilder(_baseAddress).Append(" + pathExpr + ");");
                w.Line("var separator = " + (path.Contains("?") ? "'&'" : "'?'") + ";");
                foreach (var p in queryParameters)
                {
                    Guarded(w, op, p, value =>
                    {
                        if (p.Type.Kind == TypeRefKind.Array)
                        {
                            using (w.Block("foreach (var item in " + value + ")"))
                            {
                                w.Line("AppendQuery(url, ref separator, " + Naming.Literal(p.WireName) + ", " + Format(p.Type.Element!, "item") + ");");
                            }
                        }
                        else
                        {
                            w.Line("AppendQuery(url, ref separator, " + Naming.Literal(p.WireName) + ", " + Format(p.Type, value) + ");");
                        }
                    });
                }

                uri = "url.ToString()";
            }

            // The first media type the responses name goes to Request; any other is one more Accept line.
            var accept = op.Responses.Where(r => r.ContentType is not null).Select(r => r.ContentType!).Distinct().ToList();
            w.Line((shared is null ? "using " : string.Empty) + "var request = Request(" + Naming.Literal(op.Method) + ", " + uri + ", " + (accept.Count > 0 ? Naming.Literal(accept[0]) : "null") + ");");
            foreach (var p in op.Parameters.Where(p => p.In is ParameterLocationKind.Header or ParameterLocationKind.Cookie))
            {
                Guarded(w, op, p, value =>
                {
                    var formatted = p.Type.Kind == TypeRefKind.Array
                        ? "string.Join(\",\", System.Linq.Enumerable.Select(" + value + ", item => " + Format(p.Type.Element!, "item") + "))"
                        : Format(p.Type, value);
                    w.Line(p.In == ParameterLocationKind.Header
                        ? "request.Headers.TryAddWithoutValidation(" + Naming.Literal(p.WireName) + ", " + formatted + ");"
                        : "request.Headers.TryAddWithoutValidation(\"Cookie\", " + Naming.Literal(p.WireName + "=") + " + System.Uri.EscapeDataString(" + formatted + "));");
                });
            }

            foreach (var mediaType in accept.Skip(1))
            {
                w.Line("request.Headers.TryAddWithoutValidation(\"Accept\", " + Naming.Literal(mediaType) + ");");
            }

            if (op.Body is { } body)
            {
                Body(w, body);
            }

            if (shared is not null)
            {
                // SendAsync disposes the request.
                w.Line("return " + shared + ";");
                return;
            }

            w.Line("using var response = await _httpClient.SendAsync(request, System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);");
            w.Line("var status = (int)response.StatusCode;");
            Dispatch(w, op);
            w.Line("throw await " + _names.Named("ApiException") + ".FromResponseAsync(response, null, null, cancellationToken).ConfigureAwait(false);");
        }
    }

    /// <summary>
    /// The call to Support/Client/Send.cs that sends and answers for the operation, when its one success covers one range
    /// of statuses and has a JSON body or none the method returns; null when the method dispatches itself.
    /// </summary>
    private string? SharedSend(OperationModel op)
    {
        var successes = Successes(op);
        if (successes.Count != 1 || _responseTypes.ContainsKey(op.Name))
        {
            return null;
        }

        var success = successes[0];
        var coverage = success.Coverage;
        if (coverage.ExceptCodes.Count > 0 || coverage.ExceptClasses.Count > 0)
        {
            return null;
        }

        var range = "_httpClient, request, " + coverage.From.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + coverage.To.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", ";
        if (ResultType(op) is null)
        {
            return "SendAsync(" + range + "cancellationToken)";
        }

        return success.Type is not null && success.Format == BodyFormat.Json
            ? "SendAsync(" + range + _names.ReadFunc(success.Type) + ", cancellationToken)"
            : null;
    }

    /// <summary>The path as a concatenation of its literal parts and escaped parameter values.</summary>
    private string PathExpression(OperationModel op, string path)
    {
        var parts = new List<string>();
        var rest = path;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            var close = open < 0 ? -1 : rest.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(Naming.Literal(rest));
                break;
            }

            if (open > 0)
            {
                parts.Add(Naming.Literal(rest.Substring(0, open)));
            }

            var wireName = rest.Substring(open + 1, close - open - 1);
            var parameter = op.Parameters.FirstOrDefault(p => p.In == ParameterLocationKind.Path && p.WireName == wireName);
            parts.Add(parameter is null
                ? Naming.Literal(rest.Substring(open, close - open + 1))
                : "PathSegment(" + Format(parameter.Type, parameter.Name) + ", " + Naming.Literal(parameter.Name.TrimStart('@')) + ")");
            rest = rest.Substring(close + 1);
        }

        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }

    private static bool IsValueType(OperationModel op, string name)
    {
        var p = op.Parameters.FirstOrDefault(m => m.Name == name);
        if (p is not null)
        {
            return p.Type.Kind != TypeRefKind.Array && p.Type.IsValueType;
        }

        // A JSON body of any JSON, a number or an enum is a struct: it cannot be null.
        return op.Body is { Format: BodyFormat.Json or BodyFormat.FormUrlEncoded } body && BodyName(body) == name && (body.Type ?? TypeRef.Any).IsValueType;
    }

    private static void Guarded(SourceWriter w, OperationModel op, ParameterModel p, Action<string> write)
    {
        if (p.Required)
        {
            write(p.Name);
            return;
        }

        using (w.Block("if (" + p.Name + " is not null)"))
        {
            write(p.Type.Kind != TypeRefKind.Array && p.Type.IsValueType ? p.Name + ".Value" : p.Name);
        }
    }

    private void Body(SourceWriter w, RequestBodyModel body)
    {
        var name = BodyName(body);
        var open = body.Required ? null : "if (" + name + " is not null)";
        if (open is not null)
        {
            w.Open(open);
        }

        var value = !body.Required && body.Type is { IsValueType: true } ? name + ".Value" : name;
        switch (body.Format)
        {
            case BodyFormat.Json:
                w.Line("request.Content = new System.Net.Http.ByteArrayContent(" + _names.Codec + ".Serialize(" + value + ", " + _names.WriteFunc(body.Type ?? TypeRef.Any) + "));");
                w.Line("request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(" + Naming.Literal(body.ContentType) + ");");
                break;
            case BodyFormat.FormUrlEncoded:
                w.Line("request.Content = FormContent(" + _names.Codec + ".Serialize(" + value + ", " + _names.WriteFunc(body.Type!) + "));");
                break;
            case BodyFormat.Text:
                w.Line("request.Content = new System.Net.Http.StringContent(" + value + ", System.Text.Encoding.UTF8, " + Naming.Literal(body.ContentType.Split(';')[0]) + ");");
                break;
            case BodyFormat.Binary:
                w.Line("request.Content = new System.Net.Http.StreamContent(" + value + ");");
                w.Line("request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(" + Naming.Literal(body.ContentType) + ");");
                break;
            default:
                w.Line("request.Content = " + value + ";");
                break;
        }

        if (open is not null)
        {
            w.Close();
        }
    }

    private void Dispatch(SourceWriter w, OperationModel op)
    {
        var successes = Successes(op);
        var result = ResultType(op);
        var multiple = _responseTypes.ContainsKey(op.Name);
        foreach (var s in InTestOrder(successes))
        {
            using (w.Block("if (" + StatusCondition.Of(s.Coverage, "status") + ")"))
            {
                if (result is null)
                {
                    w.Line("return;");
                }
                else if (s.Type is null)
                {
                    w.Line(multiple ? "return " + result + "." + Naming.StatusName(s.Status) + "(" + (s.Status.Contains("X") ? "status" : string.Empty) + ");" : "return default;");
                }
                else
                {
                    var read = s.Format switch
                    {
                        BodyFormat.Json => "await ReadJsonAsync(response, " + _names.ReadFunc(s.Type) + ", cancellationToken).ConfigureAwait(false)",
                        BodyFormat.Text => "await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)",
                        _ => "await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)",
                    };
                    w.Line(multiple ? "return " + result + "." + Naming.StatusName(s.Status) + "(" + (s.Status.Contains("X") ? "status, " : string.Empty) + read + ");" : "return " + read + ";");
                }
            }
        }
    }

    /// <summary>The invariant text of a parameter value.</summary>
    private string Format(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.String => value,
        TypeRefKind.Boolean => "(" + value + " ? \"true\" : \"false\")",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Decimal => value + ".ToString(" + Invariant + ")",
        TypeRefKind.Double or TypeRefKind.Single => value + ".ToString(\"R\", " + Invariant + ")",
        TypeRefKind.DateTimeOffset => value + ".ToString(\"O\", " + Invariant + ")",
        TypeRefKind.DateOnly => value + ".ToString(\"yyyy-MM-dd\", " + Invariant + ")",
        TypeRefKind.TimeSpan => value + ".ToString(\"c\", " + Invariant + ")",
        TypeRefKind.Guid => value + ".ToString(\"D\")",
        TypeRefKind.Uri => value + ".OriginalString",
        TypeRefKind.Bytes => "System.Convert.ToBase64String(" + value + ")",
        TypeRefKind.Named => value + ".Value",
        _ => value + ".ToString()",
    };

    /// <summary>The private helpers the operations use (Support/Client/); only those some operation needs are emitted.</summary>
    private string Helpers()
    {
        var api = _api;
        var files = new List<string> { "Client/ReadJson.cs" };
        if (api.Operations.Count > 0)
        {
            files.Add("Client/Request.cs");
        }

        if (api.Operations.Any(o => SharedSend(o) is not null))
        {
            files.Add("Client/Send.cs");
        }

        if (api.Operations.Any(o => o.Parameters.Any(p => p.In == ParameterLocationKind.Path)))
        {
            files.Add("Client/PathSegment.cs");
        }

        if (api.Operations.Any(o => o.Parameters.Any(p => p.In == ParameterLocationKind.Query)))
        {
            files.Add("Client/AppendQuery.cs");
        }

        if (api.Operations.Any(o => o.Body?.Format == BodyFormat.FormUrlEncoded))
        {
            files.Add("Client/FormContent.cs");
        }

        return string.Join("\n\n", files.Select(file => SupportFiles.Members(file, api.Namespace)));
    }

    // ---- security handlers and registration ----

    public IEnumerable<GeneratedFile> SecurityHandlers()
    {
        foreach (var scheme in _api.SecuritySchemes)
        {
            var text = scheme.Kind switch
            {
                SecuritySchemeKind.ApiKeyHeader => Handler(scheme, "request.Headers.Remove(" + Naming.Literal(scheme.ParameterName) + ");\nrequest.Headers.TryAddWithoutValidation(" + Naming.Literal(scheme.ParameterName) + ", secret);", "the API key", "apiKey"),
                SecuritySchemeKind.ApiKeyQuery => Handler(scheme, "var uri = request.RequestUri!.AbsoluteUri;\nrequest.RequestUri = new System.Uri(uri + (uri.Contains('?') ? \"&\" : \"?\") + " + Naming.Literal(scheme.ParameterName + "=") + " + System.Uri.EscapeDataString(secret));", "the API key", "apiKey"),
                SecuritySchemeKind.HttpBearer => Handler(scheme, "request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", secret);", "the bearer token", "token"),
                SecuritySchemeKind.HttpBasic => Handler(scheme, "request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(\"Basic\", System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)));", "'user:password'", "credentials"),
                _ => null,
            };
            if (text is not null)
            {
                yield return new GeneratedFile(_api.ApiName + ".Client." + scheme.Name + "Handler.g.cs", text);
            }
        }
    }

    private string Handler(SecuritySchemeModel scheme, string apply, string what, string parameter)
    {
        var name = scheme.Name + "Handler";
        var w = Emitter.Start(_api.Namespace);
        w.Summary("Adds " + what + " of the '" + scheme.Key + "' security scheme to every request." + (scheme.Description is null ? string.Empty : "\n" + scheme.Description));
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public sealed partial class " + name + " : System.Net.Http.DelegatingHandler"))
        {
            w.Line("private readonly System.Func<" + Ct + ", System.Threading.Tasks.ValueTask<string>> _secret;");
            w.Line();
            w.Line("/// <summary>Uses a fixed secret.</summary>");
            w.Line("public " + name + "(string " + parameter + ")");
            w.Line("{");
            w.Line("    if (" + parameter + " is null) throw new System.ArgumentNullException(nameof(" + parameter + "));");
            w.Line("    _secret = _ => new System.Threading.Tasks.ValueTask<string>(" + parameter + ");");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>Asks <paramref name=\"provider\"/> for the secret before each request (for rotation).</summary>");
            w.Line("public " + name + "(System.Func<" + Ct + ", System.Threading.Tasks.ValueTask<string>> provider) => _secret = provider ?? throw new System.ArgumentNullException(nameof(provider));");
            w.Line();
            w.Line("/// <inheritdoc/>");
            using (w.Block("protected override async " + Task + "<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, " + Ct + " cancellationToken)"))
            {
                w.Line("var secret = await _secret(cancellationToken).ConfigureAwait(false);");
                w.Lines(apply);
                w.Line("return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);");
            }
        }

        return w.ToString();
    }

    public string Registration()
    {
        var w = Emitter.Start(_api.Namespace);
        w.Line("/// <summary>Registers <see cref=\"I" + ClientName + "\"/> with <c>IHttpClientFactory</c>.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        using (w.Block("public static partial class " + _api.ApiName + "ServiceCollectionExtensions"))
        {
            w.Line("/// <summary>Adds a typed client for <see cref=\"I" + ClientName + "\"/>; chain <c>AddHttpMessageHandler</c> for authentication.</summary>");
            using (w.Block("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add" + ClientName + "(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, System.Action<" + ClientName + "Options>? configure = null)"))
            {
                w.Line("var options = new " + ClientName + "Options();");
                w.Line("configure?.Invoke(options);");
                w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<I" + ClientName + ", " + ClientName + ">(services, (httpClient, _) => new " + ClientName + "(httpClient, options));");
            }
        }

        return w.ToString();
    }
}
