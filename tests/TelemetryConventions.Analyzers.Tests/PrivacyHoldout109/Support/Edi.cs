namespace EdiKit;

/// <summary>An X12 or EDIFACT segment. Prints itself as it is written on the wire (<c>NM1*IL*1*DOE*JANE****MI*W123456789~</c>).</summary>
public sealed class EdiSegment(string tag, params string[] elements)
{
    public string Tag { get; } = tag;

    public string[] Elements { get; } = elements;

    public string this[int position] => position <= Elements.Length ? Elements[position - 1] : string.Empty;

    public override string ToString() => Tag + "*" + string.Join("*", Elements) + "~";
}

/// <summary>A transaction set (ST..SE): its code (837, 835, 834, 850, 856…), control number and segments. Prints its members (the segments as their type's name).</summary>
public sealed record TransactionSet(string Code, string ControlNumber, IReadOnlyList<EdiSegment> Segments)
{
    public IEnumerable<EdiSegment> All(string tag) => Segments.Where(s => s.Tag == tag);

    public EdiSegment? First(string tag) => Segments.FirstOrDefault(s => s.Tag == tag);
}

/// <summary>An interchange (ISA..IEA): sender and receiver ids (organisations), control number, usage indicator.</summary>
public sealed record Interchange(string SenderId, string ReceiverId, string ControlNumber, char UsageIndicator, IReadOnlyList<TransactionSet> Transactions);

public static class EdiParser
{
    public static Interchange Parse(string text)
    {
        var segments = text.Split('~', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim().Split('*'))
            .Select(p => new EdiSegment(p[0], p.Skip(1).ToArray()))
            .ToList();
        var isa = segments.FirstOrDefault(s => s.Tag == "ISA") ?? throw new EdiSyntaxException("ISA", 1, "Interchange header missing");
        var sets = new List<TransactionSet>();
        List<EdiSegment>? current = null;
        string code = "", control = "";
        foreach (var s in segments)
        {
            if (s.Tag == "ST") { current = new(); code = s[1]; control = s[2]; }
            current?.Add(s);
            if (s.Tag == "SE" && current is not null) { sets.Add(new TransactionSet(code, control, current)); current = null; }
        }
        return new Interchange(isa[6].Trim(), isa[8].Trim(), isa[13], isa[15].FirstOrDefault('P'), sets);
    }

    public static string Write(Interchange interchange) =>
        string.Concat(interchange.Transactions.SelectMany(t => t.Segments).Select(s => s.ToString()));
}

/// <summary>A syntax error in an interchange; quotes the segment tag, its position and what was wrong with it.</summary>
public sealed class EdiSyntaxException(string segmentTag, int position, string message)
    : Exception($"{segmentTag} at segment {position}: {message}")
{
    public string SegmentTag { get; } = segmentTag;

    public int Position { get; } = position;
}

/// <summary>A 999/997 implementation acknowledgment: the group's control number, its status (A, E, R) and the IK3/IK4 error codes.</summary>
public sealed record Acknowledgment(string GroupControlNumber, string Status, IReadOnlyList<string> ErrorCodes);
