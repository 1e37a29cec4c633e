using System.Collections.Generic;

namespace Kernel.Contracts.Conformance.Evolution;

/// <summary>What a change to the document means for one side of the API.</summary>
public enum Impact
{
    /// <summary>Nothing that worked stops working.</summary>
    Compatible,

    /// <summary>Breaks some, depending on what they do (a strict reader, a value they relied on).</summary>
    PotentiallyBreaking,

    /// <summary>Something that worked stops working, or generated code stops compiling.</summary>
    Breaking,
}

/// <summary>
/// One kind of change between two versions of a document, classified for a <em>client</em> (who calls the API and
/// reads its responses, with code generated from the old document) and for a <em>server</em> (an implementation
/// written against the old document).
/// </summary>
/// <param name="Id">The stable rule id, e.g. <c>request-property-added-required</c>.</param>
/// <param name="Client">What it means for a client.</param>
/// <param name="Server">What it means for a server.</param>
/// <param name="Why">Why, in a line.</param>
public sealed record DiffRule(string Id, Impact Client, Impact Server, string Why);

/// <summary>Every rule of <c>kernel-contracts diff</c>, once; the README's table lists them (a test keeps it in step).</summary>
public static class DiffRules
{
#pragma warning disable CS1591 // Each rule's Why says what it is.
    public static readonly DiffRule OperationRemoved = new("operation-removed", Impact.Breaking, Impact.Compatible, "calls to it fail; its client method disappears");
    public static readonly DiffRule OperationAdded = new("operation-added", Impact.Compatible, Impact.Breaking, "implementations must serve it; the server interface gains a method");
    public static readonly DiffRule OperationIdChanged = new("operation-id-changed", Impact.Breaking, Impact.Breaking, "generated client and server methods are renamed");
    public static readonly DiffRule BasePathRemoved = new("base-path-removed", Impact.Breaking, Impact.Compatible, "clients calling under it get 404s");
    public static readonly DiffRule BasePathAdded = new("base-path-added", Impact.Compatible, Impact.PotentiallyBreaking, "implementations must also serve under it");
    public static readonly DiffRule SecurityAdded = new("security-added", Impact.Breaking, Impact.Compatible, "requests without credentials are now refused");
    public static readonly DiffRule SecurityRemoved = new("security-removed", Impact.Compatible, Impact.PotentiallyBreaking, "implementations must accept requests without credentials");
    public static readonly DiffRule SecurityChanged = new("security-changed", Impact.Breaking, Impact.Breaking, "other credentials are required");
    public static readonly DiffRule ParameterRemoved = new("parameter-removed", Impact.Breaking, Impact.Compatible, "the client method loses the parameter; a value sent may be refused");
    public static readonly DiffRule ParameterAddedRequired = new("parameter-added-required", Impact.Breaking, Impact.Compatible, "requests without it are refused");
    public static readonly DiffRule ParameterAddedOptional = new("parameter-added-optional", Impact.Compatible, Impact.Compatible, "old requests stay valid");
    public static readonly DiffRule ParameterBecameRequired = new("parameter-became-required", Impact.Breaking, Impact.Compatible, "requests without it are refused");
    public static readonly DiffRule ParameterBecameOptional = new("parameter-became-optional", Impact.Compatible, Impact.PotentiallyBreaking, "implementations must handle its absence");
    public static readonly DiffRule RequestBodyAddedRequired = new("request-body-added-required", Impact.Breaking, Impact.Compatible, "requests without a body are refused");
    public static readonly DiffRule RequestBodyRemoved = new("request-body-removed", Impact.PotentiallyBreaking, Impact.Compatible, "a body sent is ignored or refused");
    public static readonly DiffRule RequestBodyBecameRequired = new("request-body-became-required", Impact.Breaking, Impact.Compatible, "requests without a body are refused");
    public static readonly DiffRule RequestBodyBecameOptional = new("request-body-became-optional", Impact.Compatible, Impact.PotentiallyBreaking, "implementations must handle a missing body");
    public static readonly DiffRule RequestMediaTypeRemoved = new("request-media-type-removed", Impact.Breaking, Impact.Compatible, "bodies of that type are refused");
    public static readonly DiffRule RequestMediaTypeAdded = new("request-media-type-added", Impact.Compatible, Impact.PotentiallyBreaking, "implementations must accept bodies of that type");
    public static readonly DiffRule RequestPropertyRemoved = new("request-property-removed", Impact.PotentiallyBreaking, Impact.Compatible, "a value sent is ignored; the model loses the member");
    public static readonly DiffRule RequestPropertyRemovedClosed = new("request-property-removed-closed", Impact.Breaking, Impact.Compatible, "the object is closed: a request that sends the member is refused");
    public static readonly DiffRule RequestPropertyAddedRequired = new("request-property-added-required", Impact.Breaking, Impact.Compatible, "requests without it are refused");
    public static readonly DiffRule RequestPropertyAddedOptional = new("request-property-added-optional", Impact.Compatible, Impact.Compatible, "old requests stay valid");
    public static readonly DiffRule RequestPropertyBecameRequired = new("request-property-became-required", Impact.Breaking, Impact.Compatible, "requests without it are refused");
    public static readonly DiffRule RequestPropertyBecameOptional = new("request-property-became-optional", Impact.Compatible, Impact.PotentiallyBreaking, "implementations must handle its absence");
    public static readonly DiffRule RequestTypeChanged = new("request-type-changed", Impact.Breaking, Impact.Breaking, "values of the old type are refused; the model's type changes");
    public static readonly DiffRule RequestNarrowed = new("request-narrowed", Impact.Breaking, Impact.Compatible, "values that were valid (length, range, items, enum, pattern, format, type, null) are now refused");
    public static readonly DiffRule RequestWidened = new("request-widened", Impact.Compatible, Impact.PotentiallyBreaking, "implementations must accept values they never saw");
    public static readonly DiffRule RequestPatternChanged = new("request-pattern-changed", Impact.PotentiallyBreaking, Impact.PotentiallyBreaking, "some values valid before may be refused, others newly accepted");
    public static readonly DiffRule ResponseStatusRemoved = new("response-status-removed", Impact.Compatible, Impact.Breaking, "implementations that answer it now break the contract");
    public static readonly DiffRule ResponseSuccessStatusRemoved = new("response-success-status-removed", Impact.Breaking, Impact.Breaking, "the success clients expect is gone; their result type changes");
    public static readonly DiffRule ResponseStatusAdded = new("response-status-added", Impact.PotentiallyBreaking, Impact.Compatible, "clients get a status they do not handle");
    public static readonly DiffRule ResponseSuccessStatusAdded = new("response-success-status-added", Impact.Breaking, Impact.Compatible, "a success clients cannot read; their result type changes");
    public static readonly DiffRule ResponseMediaTypeRemoved = new("response-media-type-removed", Impact.Breaking, Impact.Breaking, "clients asking for it get something else");
    public static readonly DiffRule ResponseMediaTypeAdded = new("response-media-type-added", Impact.PotentiallyBreaking, Impact.Compatible, "clients may receive a type they cannot read");
    public static readonly DiffRule ResponseRequiredPropertyRemoved = new("response-required-property-removed", Impact.Breaking, Impact.Compatible, "clients that read it find nothing");
    public static readonly DiffRule ResponseOptionalPropertyRemoved = new("response-optional-property-removed", Impact.PotentiallyBreaking, Impact.Compatible, "clients that use it lose it");
    public static readonly DiffRule ResponsePropertyBecameOptional = new("response-property-became-optional", Impact.Breaking, Impact.Compatible, "clients that rely on it may find nothing");
    public static readonly DiffRule ResponsePropertyBecameRequired = new("response-property-became-required", Impact.Compatible, Impact.Breaking, "implementations must always send it");
    public static readonly DiffRule ResponsePropertyAddedRequired = new("response-property-added-required", Impact.Compatible, Impact.Breaking, "implementations must send it");
    public static readonly DiffRule ResponsePropertyAddedOptional = new("response-property-added-optional", Impact.Compatible, Impact.Compatible, "clients ignore what they do not know");
    public static readonly DiffRule ResponseTypeChanged = new("response-type-changed", Impact.Breaking, Impact.Breaking, "clients cannot read the new type");
    public static readonly DiffRule ResponseWidened = new("response-widened", Impact.PotentiallyBreaking, Impact.Compatible, "clients may receive values a strict reader refuses (a new enum value, a longer string, a larger number)");
    public static readonly DiffRule ResponseNullAdded = new("response-null-added", Impact.Breaking, Impact.Compatible, "clients may receive null where they expect a value");
    public static readonly DiffRule ResponseNarrowed = new("response-narrowed", Impact.Compatible, Impact.Breaking, "implementations sending the old values break the contract");
    public static readonly DiffRule ResponsePatternChanged = new("response-pattern-changed", Impact.PotentiallyBreaking, Impact.PotentiallyBreaking, "values may no longer match what either side expects");
#pragma warning restore CS1591

    /// <summary>Every rule, in the order of the README's table.</summary>
    public static IReadOnlyList<DiffRule> All { get; } =
    [
        OperationRemoved, OperationAdded, OperationIdChanged, BasePathRemoved, BasePathAdded,
        SecurityAdded, SecurityRemoved, SecurityChanged,
        ParameterRemoved, ParameterAddedRequired, ParameterAddedOptional, ParameterBecameRequired, ParameterBecameOptional,
        RequestBodyAddedRequired, RequestBodyRemoved, RequestBodyBecameRequired, RequestBodyBecameOptional,
        RequestMediaTypeRemoved, RequestMediaTypeAdded,
        RequestPropertyRemoved, RequestPropertyRemovedClosed, RequestPropertyAddedRequired, RequestPropertyAddedOptional,
        RequestPropertyBecameRequired, RequestPropertyBecameOptional, RequestTypeChanged, RequestNarrowed, RequestWidened, RequestPatternChanged,
        ResponseStatusRemoved, ResponseSuccessStatusRemoved, ResponseStatusAdded, ResponseSuccessStatusAdded,
        ResponseMediaTypeRemoved, ResponseMediaTypeAdded,
        ResponseRequiredPropertyRemoved, ResponseOptionalPropertyRemoved, ResponsePropertyBecameOptional, ResponsePropertyBecameRequired,
        ResponsePropertyAddedRequired, ResponsePropertyAddedOptional, ResponseTypeChanged, ResponseWidened, ResponseNullAdded,
        ResponseNarrowed, ResponsePatternChanged,
    ];
}
