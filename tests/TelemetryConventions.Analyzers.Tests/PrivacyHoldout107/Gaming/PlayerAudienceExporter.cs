namespace PrivacyHoldout107.Gaming;

/// <summary>Exports a segment's members to an ad platform's customer-match list (SHA-256 of the normalised email, as the platform asks).</summary>
public sealed class PlayerAudienceExporter(IMarketingClient marketing, ILogger<PlayerAudienceExporter> logger)
{
    private static readonly ActivitySource Source = new("Studio.PlayerCrm.Audiences");

    public async Task<IReadOnlyList<string>> ExportAsync(string segmentId, CancellationToken cancellationToken)
    {
        using var span = Source.StartPlycrmSync("customer-match export");
        var segment = await marketing.GetSegmentAsync(segmentId, cancellationToken);
        span.SetPlycrmSegment(segment.Name); // clean precision-names
        span.Activity?.SetTag("segment.definition", segment.Definition); // clean precision-names
        var emails = await marketing.ExportSegmentAsync(segmentId, cancellationToken);
        var hashed = emails.Select(e => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(e.Trim().ToLowerInvariant()))).ToLowerInvariant()).ToList();
        span.SetPlycrmBatchSize(hashed.Count); // clean precision-about
        logger.LogDebug("First customer-match hash {Hash}", hashed.FirstOrDefault()); // leak TC1002 hashes
        logger.LogInformation("Exported {Count} of estimated {Estimated} for {Segment}", hashed.Count, segment.EstimatedSize, segment.Id); // clean precision-about
        return hashed;
    }
}
