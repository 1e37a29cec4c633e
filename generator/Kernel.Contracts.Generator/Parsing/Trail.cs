using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Generator.Parsing;

/// <summary>
/// Where a walk over a document is, as the steps from the root: the JSON pointer (<c>#/paths/~1things/get</c>) is
/// written only when something is reported there, so a walk over a large document does not build a string per member.
/// </summary>
internal sealed class Trail
{
    private static readonly string[] Indexes = Numbers(64);

    private readonly Trail? _parent;
    private readonly string _segment;

    private Trail(Trail? parent, string segment)
    {
        _parent = parent;
        _segment = segment;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>The document's root, <c>#</c>.</summary>
    public static readonly Trail Root = new(null, "#");

    /// <summary>The place a pointer (<c>#/components/schemas/Name</c>) names.</summary>
    public static Trail Of(string pointer)
    {
        var trail = Root;
        foreach (var segment in Pointers.Split(pointer))
        {
            trail = trail.Child(segment);
        }

        return trail;
    }

    /// <summary>How many steps from the root.</summary>
    public int Depth { get; }

    /// <summary>The last step (a member's name or an item's index); <c>#</c> at the root.</summary>
    public string Segment => _segment;

    public Trail Parent => _parent ?? this;

    public Trail Child(string member) => new(this, member);

    public Trail Child(int index) => new(this, index < Indexes.Length ? Indexes[index] : index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The pointer of <paramref name="member"/> under this place, without a step of its own.</summary>
    public string At(string member) => ToString() + "/" + Pointers.Escape(member);

    public override string ToString()
    {
        if (_parent is null)
        {
            return "#";
        }

        var steps = new Stack<string>(Depth);
        for (var at = this; at._parent is not null; at = at._parent)
        {
            steps.Push(at._segment);
        }

        var text = new StringBuilder("#");
        foreach (var step in steps)
        {
            text.Append('/').Append(Pointers.Escape(step));
        }

        return text.ToString();
    }

    private static string[] Numbers(int count)
    {
        var numbers = new string[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return numbers;
    }
}
