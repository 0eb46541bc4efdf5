namespace PrivacyHoldout131.Retail;

/// <summary>The online returns portal: authorises a return, books the label and tells the customer.</summary>
[ApiController]
[Route("returns")]
public sealed partial class ReturnsPortalController(
    IReturnsPortal portal,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptions<RefundsOptions> options,
    ILogger<ReturnsPortalController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.Returns.Portal");
    private static readonly Meter Meter = new("Shop.Returns.Portal");
    private static readonly Counter<long> Authorised = Meter.CreateCounter<long>("returns.authorised");
    private static readonly Counter<long> AuthorisedByShard = Meter.CreateCounter<long>("returns.authorised_by_shard");
    private readonly ShopreturnsRefundsCounter _returns = Meter.CreateShopreturnsRefundsCounter();

    [HttpPost("")]
    public async Task<ActionResult> Authorise([FromBody] ReturnAuthorisationRequest request, CancellationToken ct)
    {
        using var span = Source.StartShopreturnsCase(request.OrderId);
        span.SetShopreturnsClaimantId(pseudonymizer.PseudonymizeShopreturnsClaimantId(request.CustomerNumber)); // clean precision-pseudonym
        span.SetShopreturnsItemCount(request.Lines.Sum(l => l.Quantity)); // clean precision-about
        Activity.Current?.SetTag("returns.reason", request.Reason.ToString()); // clean precision-names
        Activity.Current?.SetTag("returns.collection_district", request.CollectionPostcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("returns.comment", request.Comment); // leak TC1001 direct

        try
        {
            var rma = await portal.AuthoriseAsync(request, ct);
            var label = await portal.CreateLabelAsync(rma.RmaNumber, ct);
            logger.LogInformation("Return {RmaNumber} authorised for order {OrderId}, label {Tracking} via {Carrier}", rma.RmaNumber, rma.OrderId, label.TrackingNumber, label.Carrier); // clean precision-names
            logger.LogInformation("Return authorised {Rma}", rma); // leak TC1001 logging-objects
            logger.LogInformation("Return lines {Lines}", rma.Lines); // clean logging-objects
            Authorised.Add(1, new KeyValuePair<string, object?>("reason", rma.Reason.ToString()), new KeyValuePair<string, object?>("lines", rma.Lines.Count)); // clean precision-names
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(rma.CustomerNumber))[0] % 8;
            AuthorisedByShard.Add(1, new KeyValuePair<string, object?>("customer_shard", shard)); // clean hashes
            LogLabelSent(logger, rma.RmaNumber, rma.CustomerEmail); // leak TC1001 cross-member
            _returns.Add(1, options.Value.Region, "authorised"); // clean generated-api
            return Ok(label);
        }
        catch (ReturnWindowClosedException ex)
        {
            logger.LogInformation(ex, "Return refused"); // clean exceptions
            _returns.Add(1, options.Value.Region, "window-closed"); // clean generated-api
            return BadRequest(ex.Message);
        }
        catch (CollectionAddressMismatchException ex)
        {
            span.SetShopreturnsNote(ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("returns.mismatch_district", ex.Postcode.Split(' ')[0]); // clean exceptions
            return BadRequest("Collection address does not match the order.");
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Return label for {RmaNumber} emailed to {Email}")]
    private static partial void LogLabelSent(ILogger logger, string rmaNumber, string email);
}
