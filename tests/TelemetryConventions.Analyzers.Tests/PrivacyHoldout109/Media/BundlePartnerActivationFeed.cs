namespace PrivacyHoldout109.Media;

/// <summary>An activation the telco sends for a customer who took the streaming bundle.</summary>
public sealed record BundleActivation(string TelcoCustomerRef, string Msisdn, string Email, string Plan, DateOnly From);

/// <summary>Reads the telco bundle partner's daily activations and cancellations file, creates or ends subscriptions, and writes the acknowledgement file back.</summary>
public sealed class BundlePartnerActivationFeed(
    ActivitySource source,
    Meter meter,
    ILogger<BundlePartnerActivationFeed> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint telco,
    ISubscriptionService subscriptions)
{
    private readonly Counter<long> _activations = meter.CreateCounter<long>("royaltyfeed.bundle.activations", "{activation}");

    public async Task ProcessAsync(string fileName, CancellationToken ct)
    {
        using var span = source.StartRoyaltyfeedImport(telco.PartnerCode, fileName);
        var text = sftp.ReadAllText(telco.InboundDir + "/" + fileName);
        var ack = new StringBuilder("telco_ref,subscriber_id,status\n");
        foreach (var row in Csv.Read(text, ';'))
        {
            var activation = new BundleActivation(row["customer_ref"], row["msisdn"], row["email"], row["plan"], DateOnly.ParseExact(row["from"], "yyyyMMdd", CultureInfo.InvariantCulture));
            try
            {
                var subscriberId = await subscriptions.ActivateAsync(activation, ct);
                ack.Append(Csv.Line(activation.TelcoCustomerRef, subscriberId, "OK")).Append('\n');
                _activations.Add(1, new KeyValuePair<string, object?>("plan", activation.Plan)); // clean precision-names
                _activations.Add(0, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeRoyaltyfeedSubscriberId(subscriberId.ToString()))); // leak TC1003 precision-pseudonym
                span.SetRoyaltyfeedSubscriberId(pseudonymizer.PseudonymizeRoyaltyfeedSubscriberId(subscriberId.ToString())); // clean generated-api
                logger.LogInformation("Activated subscriber {SubscriberId} on {Plan}", subscriberId, activation.Plan); // leak TC1001 direct
            }
            catch (DuplicateActivationException ex)
            {
                ack.Append(Csv.Line(activation.TelcoCustomerRef, "", "DUPLICATE")).Append('\n');
                logger.LogWarning(ex, "Duplicate activation"); // leak TC1001 exceptions
                span.SetRoyaltyfeedNote(nameof(DuplicateActivationException)); // clean exceptions
            }
            catch (RowValidationException ex) when (ex.Field == "email")
            {
                logger.LogRoyaltyfeedRowRejectedEvent(telco.PartnerCode, "invalid_email", royaltyfeedFileName: fileName, royaltyfeedNote: $"email {activation.Email} rejected"); // leak TC1001 generated-api
                logger.LogWarning("Invalid email at {Domain} for line {Line}", activation.Email.Split('@').LastOrDefault(), row.LineNumber); // clean precision-about
                Activity.Current?.SetTag(RoyaltyfeedAttributes.SubscriberContact, activation.Email); // leak TC1001 generated-api
            }
            logger.LogDebug("Activation row {Activation}", activation); // leak TC1001 logging-objects
            logger.LogDebug("Activation for a number on prefix {Prefix}, plan {Plan}", activation.Msisdn[..4], activation.Plan); // clean precision-about
            Activity.Current?.SetTag("bundle.msisdn", activation.Msisdn); // leak TC1001 direct
        }

        var ackName = Path.ChangeExtension(fileName, ".ack.csv");
        sftp.UploadFile(new MemoryStream(Encoding.UTF8.GetBytes(ack.ToString())), telco.OutboundDir + "/" + ackName);
        logger.LogInformation("Acknowledgement {Name} written", ackName); // clean precision-names
        logger.LogTrace("Acknowledgement body {Body}", ack.ToString()); // leak TC1001 strings
        meter.CreateRoyaltyfeedFilesCounter().Add(1, telco.PartnerCode, "outbound", "acknowledged"); // clean generated-api
    }
}

public interface ISubscriptionService
{
    Task<Guid> ActivateAsync(BundleActivation activation, CancellationToken cancellationToken);
}

/// <summary>Thrown when the telco's customer already holds a subscription; quotes the telco's customer reference and the number.</summary>
public sealed class DuplicateActivationException(string telcoCustomerRef, string msisdn)
    : Exception($"Customer {telcoCustomerRef} ({msisdn}) already has an active bundle");
