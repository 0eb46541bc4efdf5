namespace PrivacyHoldout80.Media;

/// <summary>
/// One HLS segment request line: <c>GET /v/{title}/{rendition}/seg_{n}.ts?profile={profileId}&amp;token={token} HTTP/1.1</c>.
/// The token is signed for the viewing profile and expires with the session.
/// </summary>
public sealed record SegmentRequest(string TitleId, string Rendition, int Segment, string ProfileId, string Token);

/// <summary>Reads request lines off the edge's connection pipe with a <see cref="SequenceReader{T}"/>.</summary>
public sealed partial class SegmentRequestParser(ActivitySource source, ILogger<SegmentRequestParser> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static ReadOnlySpan<byte> Get => "GET "u8;
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;
    private readonly Histogram<int> _segmentIndex = meter.CreateHistogram<int>("segwire.segment.index", "{segment}");

    public bool TryParse(string edgeId, ref ReadOnlySequence<byte> buffer, out SegmentRequest? request)
    {
        request = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, CrLf))
        {
            return false;
        }
        buffer = buffer.Slice(reader.Position);

        using var span = source.StartSegwireFrameDecode(edgeId);
        span.SetSegwireFrameLength((int)line.Length); // clean precision-about
        var lineReader = new SequenceReader<byte>(line);
        if (!lineReader.IsNext(Get, advancePast: true) || !lineReader.TryReadTo(out ReadOnlySequence<byte> target, (byte)' '))
        {
            logger.LogDebug("Not a GET line: {Length} bytes starting {Header}", line.Length, Hex.HeaderOnly(line.FirstSpan)); // clean precision-about
            return true;
        }

        var path = Encoding.ASCII.GetString(target);
        var q = path.IndexOf('?');
        var query = q >= 0 ? path[(q + 1)..] : "";
        var parts = path[..(q >= 0 ? q : path.Length)].Split('/');
        var args = query.Split('&').Select(p => p.Split('=')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var segment = int.Parse(parts[4].AsSpan(4, parts[4].Length - 7));
        request = new SegmentRequest(parts[2], parts[3], segment, args.GetValueOrDefault("profile", ""), args.GetValueOrDefault("token", ""));

        span.SetSegwireViewerId(pseudonymizer.PseudonymizeSegwireViewerId(request.ProfileId)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("segwire.profile", request.ProfileId); // leak TC1001 direct
        Activity.Current?.SetTag("segwire.token.prefix", Convert.ToBase64String(Encoding.ASCII.GetBytes(request.Token))[..12]); // leak TC1001 hashes
        Activity.Current?.SetTag("segwire.title", request.TitleId); // clean precision-about
        Activity.Current?.SetTag("segwire.rendition", request.Rendition); // clean precision-about
        Activity.Current?.SetTag("url.path", parts[..4].Aggregate((a, b) => a + "/" + b)); // clean precision-about
        Activity.Current?.SetTag("url.query", query); // leak TC1001 strings
        _segmentIndex.Record(segment, new KeyValuePair<string, object?>("rendition", request.Rendition)); // clean precision-about
        LogSegment(logger, request.TitleId, request.Rendition, segment); // clean precision-about
        logger.LogTrace("Segment request {Request}", request); // leak TC1001 logging-objects

        if (request.Token.Length < 32)
        {
            logger.LogWarning("Short playback token for profile {Profile}: {Token}", request.ProfileId, request.Token); // leak TC1001 direct
            span.SetSegwireOutcome("rejected:token"); // clean precision-about
            span.SetSegwireNote($"token of {request.Token.Length} characters"); // clean precision-about
        }
        return true;
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Trace, Message = "Segment {Segment} of {Title} at {Rendition}")]
    private static partial void LogSegment(ILogger logger, string title, string rendition, int segment);
}
