using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Kernel.Contracts.Clients.Tests.Spec;
using Xunit;
using P = Kernel.Platform.Client;
using S = Kernel.Sessions.Client;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>
/// The project sets <c>JsonSerializerIsReflectionEnabledByDefault=false</c>: JsonSerializer works only through the generated
/// <c>…JsonTypeInfoResolver</c>s, as it would in a trimmed or Native AOT application.
/// </summary>
public sealed class NoReflectionTests
{
    public static IEnumerable<object[]> Examples() => DtoRoundTripTests.Examples();

    public static IEnumerable<object[]> DtoTypes() =>
        Dtos.BySchema.SelectMany(api => api.Value.Values).Concat(Dtos.ApiProblem.Values).Select(d => new object[] { d.Api, d.Schema });

    [Fact]
    public void Reflection_based_serialization_is_off()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        var e = Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(new NotADto("x")));
        Assert.Contains("reflection", e.Message, StringComparison.OrdinalIgnoreCase);

        // Even a generated DTO cannot go through the default options: its [JsonConverter] attribute needs reflection to be found.
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(new S.CreateKernelResponse { KernelId = "k", Created = true }));
    }

    [Theory]
    [MemberData(nameof(DtoTypes))]
    public void The_resolver_covers_every_DTO_type(string api, string schema)
    {
        var dto = schema == "ApiProblem" ? Dtos.ApiProblem[api] : Dtos.For(api, schema);
        var (resolver, options) = Resolver(api);
        var info = resolver.GetTypeInfo(dto.Type, options);
        Assert.NotNull(info);
        Assert.Equal(dto.Type, info!.Type);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_round_trips_through_JsonSerializer_with_the_resolver_options(string api, string example)
    {
        var found = DtoRoundTripTests.Find(api, example);
        var dto = Dtos.For(api, found.Schema);
        var json = JsonSemantic.Show(found.Value);
        var expected = found.Value;
        JsonSemantic.Equal(expected, dto.ThroughSerializer(json), example + " through JsonSerializer<" + dto.Type.Name + ">");
        JsonSemantic.Equal(expected, dto.ThroughSerializerByType(json), example + " through JsonSerializer(typeof(" + dto.Type.Name + "))");
    }

    [Fact]
    public void A_type_the_resolver_does_not_cover_throws()
    {
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new NotADto("x"), P.KernelPlatformJsonTypeInfoResolver.Options));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<NotADto>("{\"Name\":\"x\"}", S.KernelSessionsJsonTypeInfoResolver.Options));

        // Collections of DTOs are not covered either: only the DTOs themselves are.
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<List<S.KernelInfo>>("[]", S.KernelSessionsJsonTypeInfoResolver.Options));

        // Each API's resolver knows only its own types.
        var platformProblem = new P.Problem { Type = "about:blank", Title = "t" };
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(platformProblem, S.KernelSessionsJsonTypeInfoResolver.Options));
        Assert.Null(S.KernelSessionsJsonTypeInfoResolver.Instance.GetTypeInfo(typeof(P.Problem), S.KernelSessionsJsonTypeInfoResolver.Options));
    }

    private static (System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver Resolver, JsonSerializerOptions Options) Resolver(string api) => api switch
    {
        SpecDocuments.Platform => (P.KernelPlatformJsonTypeInfoResolver.Instance, P.KernelPlatformJsonTypeInfoResolver.Options),
        _ => (S.KernelSessionsJsonTypeInfoResolver.Instance, S.KernelSessionsJsonTypeInfoResolver.Options),
    };

    public sealed record NotADto(string Name);
}
