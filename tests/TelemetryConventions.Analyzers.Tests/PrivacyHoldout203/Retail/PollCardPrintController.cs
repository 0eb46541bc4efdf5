namespace PrivacyHoldout203.Retail;

/// <summary>A print and mail retailer's controller for councils' poll card runs and postal vote packs.</summary>
[ApiController]
[Route("api/print")]
public sealed partial class PollCardPrintController(
    ISectorStore store,
    INotifyGateway notify,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PollCardPrintController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrintShop.ElectionPrint");
    private static readonly Meter Meter = new("PrintShop.ElectionPrint");
    private static readonly Counter<long> LinesPrinted = Meter.CreateCounter<long>("printshop.election.lines");
    private static readonly Histogram<double> JobTime = Meter.CreateHistogram<double>("printshop.election.job.duration", "s");

    private PostalPack? _lastSpoiledPack;
    private string _currentStock = "A5-card";

    [HttpPost("poll-cards")]
    public async Task<ActionResult> PrintPollCards([FromBody] PrintJob job, IReadOnlyList<PollCardLine> lines, CancellationToken ct)
    {
        using var activity = Source.StartActivity("print.poll_cards");
        activity?.SetTag("print.job_id", job.JobId); // clean precision-about
        activity?.SetTag("print.council", job.CouncilCode); // clean precision-about
        activity?.SetTag("print.stock", job.Stock); // clean precision-about
        activity?.SetTag("print.lines", lines.Count); // clean precision-about
        activity?.SetTag("print.stations", lines.Select(l => l.StationId).Distinct().Count()); // clean precision-about
        activity?.SetTag("print.first_elector", lines[0].ElectorNumber); // leak TC1001 direct
        activity?.SetTag("print.first_address", lines[0].Address); // leak TC1001 direct
        activity?.SetTag("print.elector_number_column", "elector_no"); // clean precision-names
        activity?.SetTag("print.elector_name_max_length", lines.Max(l => l.Name.Length)); // clean precision-names
        HttpContext.RequestHeaders.TryGetValue("X-Operator-Email", out var operatorEmail);
        activity?.SetTag("print.operator", operatorEmail); // leak TC1001 direct
        activity?.SetTag("print.operator_signed_in", HttpContext.User.IsAuthenticated); // clean precision-about

        _currentStock = job.Stock;
        var span = Activity.Current.EnrichPollprintOperation(job.CouncilCode)
            .SetPollprintItems(lines.Count) // clean generated-api
            .SetPollprintChannel("poll-card"); // clean generated-api
        span.SetPollprintNote(string.Join(",", lines.Take(3).Select(l => l.Name))); // leak TC1001 generated-api
        span.SetPollprintElectorId(pseudonymizer.PseudonymizePollprintElectorId(lines[0].ElectorNumber)); // clean generated-api

        foreach (var line in lines)
        {
            logger.LogTrace("Card {Line}", line); // leak TC1001 logging-objects
            logger.LogTrace("Card for station {StationId} in job {JobId}", line.StationId, line.JobId); // clean precision-about
        }

        var sample = new StringBuilder();
        foreach (var line in lines.Take(5))
        {
            sample.AppendLine($"{line.ElectorNumber} {line.Name}");
        }

        logger.LogInformation("Proof sample:\n{Sample}", sample.ToString()); // leak TC1001 strings
        logger.LogInformation("Print job {@Job}", job); // clean logging-objects
        logger.LogInformation("Print job {Job}", job with { Lines = lines.Count }); // clean logging-objects
        LinesPrinted.Add(lines.Count, new KeyValuePair<string, object?>("council", job.CouncilCode)); // clean precision-about
        JobTime.Record(12.5, new KeyValuePair<string, object?>("stock", job.Stock)); // clean precision-about
        await store.SaveAsync(job, ct);
        return Ok(new { job.JobId, lines.Count });
    }

    [HttpPost("postal-packs")]
    public async Task<ActionResult> PrintPostalPacks([FromBody] PrintJob job, IReadOnlyList<PostalPack> packs, CancellationToken ct)
    {
        using var activity = Source.StartActivity("print.postal_packs");
        activity?.SetTag("print.job_id", job.JobId); // clean precision-about
        activity?.SetTag("print.packs", packs.Count); // clean precision-about
        activity?.SetTag("print.first_ballot_paper", packs[0].BallotPaperNumber); // leak TC1001 direct
        activity?.SetTag("print.first_return_barcode", packs[0].ReturnEnvelopeBarcode); // leak TC1001 direct
        activity?.SetTag("print.first_pack", packs[0].PackId); // clean precision-about

        foreach (var pack in packs)
        {
            try
            {
                if (pack.Address.Length == 0)
                {
                    throw new StatementMismatchException(pack.BallotPaperNumber, DateOnly.MinValue);
                }

                await store.SaveAsync(pack, ct);
            }
            catch (StatementMismatchException ex)
            {
                _lastSpoiledPack = pack;
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning(ex, "Pack {PackId} spoiled", pack.PackId); // leak TC1001 exceptions
                logger.LogPollprintOperationFailedEvent(job.CouncilCode, "spoiled", pollprintNote: ex.GetType().Name); // clean generated-api
                activity?.SetStatus(ActivityStatusCode.Error, "pack spoiled"); // clean exceptions
            }
            catch (RegisterUnavailableException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogPollprintOperationFailedEvent(job.CouncilCode, "failed", pollprintElectorId: Pseudonym.FromComputed(pack.ElectorNumber)); // leak TC1001 generated-api
            }
        }

        var packKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(packs[0].BallotPaperNumber + packs[0].ElectorNumber)));
        activity?.SetTag("print.first_pack_key", packKey); // leak TC1002 hashes
        activity?.SetTag("print.first_pack_shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(packs[0].ElectorNumber)))[..2]); // clean hashes
        LinesPrinted.Add(packs.Count, new KeyValuePair<string, object?>("elector", pseudonymizer.ComputePollprintElectorId(packs[0].ElectorNumber))); // leak TC1003 precision-pseudonym
        activity?.SetTag("print.first_elector_pseudonym", pseudonymizer.ComputePollprintElectorId(packs[0].ElectorNumber)); // clean precision-pseudonym
        LogPackBatch(logger, job.JobId, packs[0].Name); // clean logging-objects

        await notify.SendAsync("elections@council.example", "pack-run-done", new Dictionary<string, string> { ["job"] = job.JobId }, ct);
        return Ok(new { job.JobId });
    }

    [HttpGet("spoiled")]
    public ActionResult LastSpoiled()
    {
        using var activity = Source.StartActivity("print.spoiled");
        activity?.SetTag("print.spoiled.pack_id", _lastSpoiledPack?.PackId); // clean cross-member
        activity?.SetTag("print.spoiled.name", _lastSpoiledPack?.Name); // leak TC1001 cross-member
        activity?.SetTag("print.stock_in_use", _currentStock); // clean cross-member
        logger.LogInformation("Last spoiled {Pack}", _lastSpoiledPack); // leak TC1001 cross-member
        return Ok();
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Job {JobId} first pack addressed to {Name}")]
    private static partial void LogPackBatch(ILogger logger, string jobId, [PrivateData] string name);
}
