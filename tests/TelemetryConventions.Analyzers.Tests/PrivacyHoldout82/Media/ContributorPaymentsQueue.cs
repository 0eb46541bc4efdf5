namespace PrivacyHoldout82.Media;

/// <summary>
/// Reads the legacy rights system's outbound MSMQ queues. On <c>.\private$\rights.payments</c> each message
/// is a use-fee for one contributor, labelled "PAY {payee ref} {period}", with the payee's name, sort code
/// and account in the body; on <c>.\private$\rights.clearances</c> messages are labelled "CLR {title id}".
/// </summary>
public sealed class ContributorPaymentsQueue(IMsmqQueue payments, IMsmqQueue clearances, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<ContributorPaymentsQueue> logger)
{
    private static readonly Meter Fees = new("Broadcaster.Rights.Payments");
    private static readonly Histogram<double> FeeAmount = Fees.CreateHistogram<double>("rights.fee.amount", "GBP");
    private string? _lastPayeeName;

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await clearances.ReceiveAsync(TimeSpan.FromSeconds(1), cancellationToken) is { } clearance)
        {
            logger.LogInformation("Clearance message {Message} from {Queue}", clearance, clearances.Path); // clean logging-objects
            Activity.Current?.SetTag("msmq.label", clearance.Label); // clean precision-about
        }

        while (await payments.ReceiveAsync(TimeSpan.FromSeconds(1), cancellationToken) is { } message)
        {
            using var span = source.StartRightsbridgeTranslate("PAY");
            span.SetRightsbridgeQueueName(payments.Path); // clean precision-about
            Activity.Current?.SetTag("messaging.message.conversation_id", message.CorrelationId); // clean precision-about
            Activity.Current?.SetTag("msmq.label", message.Label); // leak TC1001 direct

            var body = XElement.Parse(message.BodyXml);
            var payee = (string)body.Element("Payee")!;
            var amount = (decimal)body.Element("Amount")!;
            _lastPayeeName = (string?)body.Element("PayeeName");
            span.SetRightsbridgeContributorId(pseudonymizer.PseudonymizeRightsbridgeContributorId(payee)); // clean precision-pseudonym
            FeeAmount.Record((double)amount, new KeyValuePair<string, object?>("use_type", (string?)body.Element("UseType"))); // clean precision-about
            FeeAmount.Record(0, new KeyValuePair<string, object?>("payee", pseudonymizer.ComputeRightsbridgeContributorId(payee))); // leak TC1003 precision-pseudonym

            if (body.Element("SortCode") is null)
            {
                logger.LogWarning("Payment without bank details: {Message}", message); // leak TC1001 logging-objects
                logger.LogWarning("Payment body {Body}", message.BodyXml); // leak TC1001 direct
                logger.LogRightsbridgeTranslationRejectedEvent("PAY", "NOBANK", rightsbridgeContributorId: pseudonymizer.PseudonymizeRightsbridgeContributorId(payee), rightsbridgeNote: "no sort code in the payment body"); // clean generated-api
                continue;
            }
            meter.CreateRightsbridgeRecordsTranslatedCounter().Add(1, "PAY", "queued", rightsbridgeLegacySystem: "rightsline"); // clean precision-about
            var legacyRef = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(payee)))[..16];
            logger.LogInformation("Fee {Amount} queued for payment run, legacy ref {Ref}", amount, legacyRef); // leak TC1002 hashes
        }
    }

    public void ReportLastPayment() =>
        logger.LogInformation("Last fee queued for {PayeeName}", _lastPayeeName); // leak TC1001 cross-member
}
