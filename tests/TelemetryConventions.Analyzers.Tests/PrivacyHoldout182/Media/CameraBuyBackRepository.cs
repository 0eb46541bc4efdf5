namespace PrivacyHoldout182.Media;

/// <summary>The magazine's used camera desk: buy-backs stored with their register checks.</summary>
public sealed partial class CameraBuyBackRepository(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<CameraBuyBackRepository> logger)
{
    private static readonly ActivitySource Source = new("Magazine.CameraDesk");
    private static readonly Meter DeskMeter = new("Magazine.CameraDesk");
    private static readonly Counter<long> Bodies = DeskMeter.CreateCounter<long>("cameradesk.bodies");
    private readonly CamerabuybackOperationsCounter operations = DeskMeter.CreateCamerabuybackOperationsCounter();
    private readonly List<string> heldSerials = [];

    public Task SaveAsync(CameraBuyBack buyBack, RegisterCheckResult check)
    {
        using var span = Source.StartCamerabuybackOperation("desk-london");
        span.SetCamerabuybackSellerId(pseudonymizer.PseudonymizeCamerabuybackSellerId(buyBack.CustomerNumber)); // clean precision-pseudonym
        span.SetCamerabuybackItemCategory("body"); // clean generated-api
        span.SetCamerabuybackNote($"{buyBack.Model}: register {check.Register} said {check.Outcome}"); // clean generated-api
        span.SetCamerabuybackNote($"Lens {buyBack.LensSerial} with body {buyBack.BodySerial}"); // leak TC1001 generated-api
        span.Activity?.SetTag("db.statement", "INSERT INTO buy_backs (customer, body_serial) VALUES (@customer, @serial)"); // clean strings
        span.Activity?.SetTag("db.statement", $"INSERT INTO buy_backs (customer, body_serial) VALUES ('{buyBack.CustomerNumber}', '{buyBack.BodySerial}')"); // leak TC1001 strings
        span.Activity?.SetTag("cameradesk.customer.number", buyBack.CustomerNumber); // leak TC1001 direct
        span.Activity?.SetTag("cameradesk.customer.name", buyBack.CustomerName); // leak TC1001 direct
        span.Activity?.SetTag("cameradesk.body.serial", buyBack.BodySerial); // leak TC1001 direct
        span.Activity?.SetTag("cameradesk.model", buyBack.Model); // clean precision-names
        span.Activity?.SetTag("cameradesk.check.matches", check.Matches); // clean precision-about
        Bodies.Add(1, new KeyValuePair<string, object?>("model", buyBack.Model)); // clean precision-names
        Bodies.Add(1, new KeyValuePair<string, object?>("body", buyBack.BodySerial)); // leak TC1003 direct
        Bodies.Add(1, new KeyValuePair<string, object?>("lane", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(buyBack.BodySerial)))[..1])); // clean hashes
        if (check.Matches > 0)
        {
            heldSerials.Add(buyBack.BodySerial);
            span.Activity?.SetTag("cameradesk.held", string.Join(";", heldSerials)); // leak TC1001 cross-member
            span.Activity?.SetTag("cameradesk.held.count", heldSerials.Count); // clean precision-about
            var refused = new SellerRefusedException(buyBack.CustomerName);
            logger.LogCamerabuybackOperationFailedEvent("desk-london", "held", camerabuybackNote: refused.Message); // leak TC1001 generated-api
            span.RecordException(refused, includeMessage: true); // leak TC1001 generated-api
            operations.Add(1, "desk-london", "held"); // clean generated-api
        }

        logger.LogInformation("Saved buy-back {BuyBack}", buyBack); // leak TC1001 logging-objects
        logger.LogInformation("Saved buy-back {BuyBack}", buyBack with { CustomerNumber = "", CustomerName = "", BodySerial = "", LensSerial = "" }); // clean logging-objects
        logger.LogInformation("Check {Check}", check); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["Customer"] = buyBack.CustomerNumber })) // leak TC1001 direct
        {
            BuyBackSaved(logger, buyBack.Model, buyBack.CustomerName); // clean precision-names
        }

        using (logger.BeginScope(new { Desk = "desk-london", buyBack.Model })) // clean logging-objects
        {
            logger.LogInformation("Offer {Offer} for a {Model}", buyBack.Offer, buyBack.Model); // clean precision-about
        }

        Activity.Current!.DisplayName = $"buy-back {buyBack.CustomerName}"; // leak TC1001 strings
        Activity.Current!.DisplayName = $"buy-back {buyBack.Model}"; // clean strings
        span.Activity?.SetTag("cameradesk.customer.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(buyBack.CustomerNumber)))[..16]); // leak TC1002 hashes
        var ticketError = new TicketNotFoundException("PT-22-0193");
        logger.LogWarning(ticketError, "Linked pawn ticket missing"); // clean exceptions
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved {Model} from {CustomerName}")]
    private static partial void BuyBackSaved(ILogger logger, string model, [PrivateData] string customerName);
}
