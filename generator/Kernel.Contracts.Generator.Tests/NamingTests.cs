using System;
using System.Linq;
using Xunit;

namespace Kernel.Contracts.Generator.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("pipeline_name", "PipelineName")]
    [InlineData("pipeline-name", "PipelineName")]
    [InlineData("clientSessionToken", "ClientSessionToken")]
    [InlineData("instanceGPUs", "InstanceGpus")]
    [InlineData("userID", "UserId")]
    [InlineData("HTTPStatus", "HttpStatus")]
    [InlineData("SUCCEEDED", "Succeeded")]
    [InlineData("qc_nirs_basic", "QcNirsBasic")]
    [InlineData("snirf_hb_moments", "SnirfHbMoments")]
    [InlineData("v4.20181215", "V420181215")]
    [InlineData("2xx", "_2xx")]
    [InlineData("+1", "Plus1")]
    [InlineData("-1", "Minus1")]
    [InlineData("$$", "")]
    [InlineData("io_read_bytes", "IoReadBytes")]
    [InlineData("OAuth2Token", "OAuth2Token")]
    public void Pascal_case_follows_the_words_of_a_name(string name, string expected) =>
        Assert.Equal(expected, Naming.Pascal(name));

    [Theory]
    [InlineData("study_id", "studyId")]
    [InlineData("class", "@class")]
    [InlineData("Kernel-Id", "kernelId")]
    public void Camel_case_escapes_keywords(string name, string expected) =>
        Assert.Equal(expected, Naming.Camel(name));

    [Fact]
    public void The_keywords_escaped_are_exactly_Roslyns_reserved_keywords()
    {
        var roslyn = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetReservedKeywordKinds().Select(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetText).ToHashSet();
        Assert.Equal(roslyn.OrderBy(k => k, StringComparer.Ordinal), Naming.Keywords.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var keyword in roslyn)
        {
            Assert.Equal("@" + keyword, Naming.EscapeKeyword(keyword));
        }

        foreach (var contextual in Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKinds().Select(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetText))
        {
            Assert.Equal(contextual, Naming.EscapeKeyword(contextual));
        }
    }

    [Fact]
    public void A_literal_is_escaped_as_Roslyn_escapes_it_for_every_character_and_surrogate_pair()
    {
        static string Roslyn(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "a" + (char)c + "b";
            Assert.Equal(Roslyn(text), Naming.Literal(text));
        }

        foreach (var text in new[] { "", "\uD83D\uDE00", "x\uD83D", "\uDE00x", "\uDE00\uD83D", "\uD83D\uD83D\uDE00", "a\"b\\c\r\n\t\0", "\u2028\u2029\u0085\u200B\uFEFF\uFFFF" })
        {
            Assert.Equal(Roslyn(text), Naming.Literal(text));
        }

        Assert.Equal("null", Naming.Literal(null));
    }
}
