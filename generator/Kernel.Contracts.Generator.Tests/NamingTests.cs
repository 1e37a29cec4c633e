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
}
