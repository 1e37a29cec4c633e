using System.Collections.Generic;

namespace Kernel.Contracts.Pact.Verifier;

/// <summary>How pacts are fetched from a Pact Broker.</summary>
public sealed class BrokerSourceOptions
{
    /// <summary>Basic-authentication user name (with <see cref="Password"/>).</summary>
    public string? Username { get; set; }

    /// <summary>Basic-authentication password.</summary>
    public string? Password { get; set; }

    /// <summary>Bearer token, used when no user name is given.</summary>
    public string? Token { get; set; }

    /// <summary>Verify pending pacts without failing the build on them.</summary>
    public bool EnablePending { get; set; }

    /// <summary>Include work-in-progress pacts since this date (<c>YYYY-MM-DD</c>).</summary>
    public string? IncludeWipPactsSince { get; set; }

    /// <summary>Tags of the provider version being verified.</summary>
    public IList<string> ProviderTags { get; } = new List<string>();

    /// <summary>Branch of the provider version being verified.</summary>
    public string? ProviderBranch { get; set; }

    /// <summary>Consumer version selectors, each as JSON (e.g. <c>{"mainBranch": true}</c>).</summary>
    public IList<string> ConsumerVersionSelectors { get; } = new List<string>();

    /// <summary>Consumer version tags (used when no selectors are given).</summary>
    public IList<string> ConsumerVersionTags { get; } = new List<string>();
}
