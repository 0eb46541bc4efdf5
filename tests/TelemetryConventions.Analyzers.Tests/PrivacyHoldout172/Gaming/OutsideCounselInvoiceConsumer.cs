namespace PrivacyHoldout172.Gaming;

public sealed record CounselInvoice(string InvoiceId, string MatterId, string FirmName, string TimekeeperName, string TimekeeperEmail, decimal Hours, decimal Amount, Guid? PlayerId);

/// <summary>
/// Consumes outside counsel's e-billing invoices (LEDES lines, keyed by matter id) and checks them against the
/// matter budget. Timekeepers are lawyers at the firm: people.
/// </summary>
public sealed class OutsideCounselInvoiceConsumer(
    IConsumer<string, CounselInvoice> consumer,
    ILogger<OutsideCounselInvoiceConsumer> logger,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Studio.Legal.Billing");
    private static readonly Meter Meter = new("Studio.Legal.Billing");
    private static readonly Histogram<double> Hours = Meter.CreateHistogram<double>("studio.legal.billed_hours", "h");

    public void Pump(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        var invoice = result.Message.Value;
        using var activity = Source.StartActivity("ReviewInvoice", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        activity?.SetTag("invoice.id", invoice.InvoiceId); // clean direct
        activity?.SetTag("invoice.firm", invoice.FirmName); // clean precision-about
        activity?.SetTag("invoice.timekeeper", invoice.TimekeeperName); // leak TC1001 direct
        Hours.Record((double)invoice.Hours, new KeyValuePair<string, object?>("firm", invoice.FirmName)); // clean precision-about
        Hours.Record((double)invoice.Hours, new KeyValuePair<string, object?>("timekeeper", pseudonymizer.PseudonymizeStudiolegalFeeEarnerId(invoice.TimekeeperEmail).Value)); // leak TC1003 precision-pseudonym

        var timekeeperKey = HashCode.Combine(invoice.TimekeeperEmail);
        activity?.SetTag("invoice.timekeeper_key", timekeeperKey); // leak TC1002 hashes
        activity?.SetTag("invoice.timekeeper.pseudonym", pseudonymizer.PseudonymizeStudiolegalFeeEarnerId(invoice.TimekeeperEmail).Value); // clean precision-pseudonym
        activity?.SetTag("invoice.timekeeper_count", 1); // clean precision-names
        var line = string.Format(CultureInfo.InvariantCulture, "{0}: {1}h by {2}", invoice.MatterId, invoice.Hours, invoice.TimekeeperEmail);
        logger.LogInformation(line); // leak TC1001 strings
        logger.LogInformation("{MatterId}: {Hours}h at {Amount}", invoice.MatterId, invoice.Hours, invoice.Amount); // clean strings

        if (invoice.PlayerId is { } playerId)
        {
            logger.LogInformation("Invoice {InvoiceId} relates to player {PlayerId}", invoice.InvoiceId, playerId); // leak TC1001 direct
            activity?.SetTag("invoice.relates_to_player", true); // clean precision-about
        }

        consumer.Commit(result);
    }
}
