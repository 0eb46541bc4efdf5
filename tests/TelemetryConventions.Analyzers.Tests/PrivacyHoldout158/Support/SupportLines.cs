namespace Helplines.Support;

// A broadcaster's aftercare line.

/// <summary>A viewer's contact after a programme. Prints contact id, programme, the viewer's number and message.</summary>
public sealed record AftercareContact(string ContactId, string Programme, string ViewerNumber, string? Message);

/// <summary>A signpost sent. Prints programme, topic and organisation.</summary>
public sealed record Signpost(string Programme, string Topic, string Organisation);
