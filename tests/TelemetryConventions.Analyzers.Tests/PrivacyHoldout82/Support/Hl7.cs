namespace Hl7Lite;

/// <summary>One segment of an HL7 v2 message, fields split on '|', components on '^'.</summary>
public sealed class Hl7Segment(string text)
{
    private readonly string[] _fields = text.Split('|');

    public string Id => _fields[0];

    public string Text => text;

    public string Field(int index) => index < _fields.Length ? _fields[index] : string.Empty;

    public string Component(int field, int component)
    {
        var parts = Field(field).Split('^');
        return component - 1 < parts.Length ? parts[component - 1] : string.Empty;
    }

    public override string ToString() => text;
}

/// <summary>An HL7 v2 message from the legacy feed.</summary>
public sealed class Hl7Message(string raw)
{
    public IReadOnlyList<Hl7Segment> Segments { get; } = raw.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => new Hl7Segment(s)).ToList();

    public string Raw => raw;

    public Hl7Segment this[string id] => Segments.First(s => s.Id == id);

    public string MessageType => this["MSH"].Component(9, 1) + "^" + this["MSH"].Component(9, 2);

    public string ControlId => this["MSH"].Field(10);

    public override string ToString() => raw.Replace('\r', '\n');
}

public sealed class Hl7ParseException(string segment, string detail) : Exception($"Cannot parse segment {segment}: {detail}")
{
    public string Segment { get; } = segment;
}
