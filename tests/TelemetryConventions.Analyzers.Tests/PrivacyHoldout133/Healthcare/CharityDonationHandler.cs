namespace PrivacyHoldout133.Healthcare;

/// <summary>Takes card donations to the hospital charity's appeals and records Gift Aid declarations.</summary>
public sealed record DonateCommand(string DonorId, string Email, string PaymentMethodToken, decimal Amount, string Appeal, bool GiftAid, string FirstName, string LastName, string HouseNumber, string Postcode, string? InMemoryOf);

public sealed partial class CharityDonationHandler(
    IPaymentGateway gateway,
    IDonationLedger ledger,
    Pseudonymizer pseudonymizer,
    CommunityOptions options,
    ILogger<CharityDonationHandler> logger)
{
    private static readonly ActivitySource Source = new("Charity.Donations");
    private static readonly Meter Meter = new("Charity.Donations");
    private static readonly Histogram<double> DonationAmount = Meter.CreateHistogram<double>("charity.donation.amount", "GBP");
    private static readonly Counter<long> Declarations = Meter.CreateCounter<long>("charity.giftaid.declarations");

    public async Task<string> HandleAsync(DonateCommand command, CancellationToken cancellationToken)
    {
        using var span = Source.StartHospvolTask(hospvolProgramme: command.Appeal);
        span.SetHospvolAmount((double)command.Amount); // clean precision-about
        span.SetHospvolDonorId(pseudonymizer.PseudonymizeHospvolDonorId(command.DonorId)); // clean precision-pseudonym
        span.Activity?.SetTag("donation.in_memory", command.InMemoryOf is not null); // clean precision-about
        span.Activity?.SetTag("donation.in_memory_of", command.InMemoryOf); // leak TC1001 direct
        DonationAmount.Record((double)command.Amount, new KeyValuePair<string, object?>("appeal", command.Appeal), new KeyValuePair<string, object?>("gift_aid", command.GiftAid)); // clean precision-about

        ChargeResult charge;
        try
        {
            charge = await gateway.ChargeAsync(command.PaymentMethodToken, command.Amount, "GBP", $"Donation {command.Appeal}", cancellationToken);
        }
        catch (CardDeclinedException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogTaskFailed(command.Appeal, ex.DeclineCode); // clean exceptions
            TelemetryMetrics.CreateHospvolTasksCounter(Meter).Add(1, hospvolProgramme: command.Appeal, hospvolOutcome: "declined"); // clean generated-api
            throw;
        }

        logger.LogInformation("Charged {@Charge}", charge); // clean logging-objects
        span.Activity?.SetTag("payment.method", command.PaymentMethodToken); // leak TC1001 direct

        var donation = await ledger.RecordAsync(new Donation(charge.ChargeId, command.DonorId, command.Amount, "GBP", command.GiftAid, command.Appeal), cancellationToken);
        logger.LogInformation("Donation recorded {Donation}", donation); // leak TC1001 logging-objects
        logger.LogInformation("Donation {DonationId} to {Appeal} recorded", donation.DonationId, donation.Campaign); // clean precision-names

        if (command.GiftAid)
        {
            var declaration = new GiftAidDeclaration(Guid.NewGuid().ToString("N"), command.DonorId, null, command.FirstName, command.LastName, command.HouseNumber, command.Postcode, DateOnly.FromDateTime(DateTime.UtcNow));
            await ledger.SaveDeclarationAsync(declaration, cancellationToken);
            LogDeclaration(logger, declaration.DeclarationId, $"{command.HouseNumber} {command.Postcode}"); // leak TC1001 strings
            LogDeclarationRedacted(logger, declaration.DeclarationId, command.LastName); // clean direct
            Declarations.Add(1, new KeyValuePair<string, object?>("appeal", command.Appeal), new KeyValuePair<string, object?>("postcode", command.Postcode)); // leak TC1003 direct
            span.Activity?.SetTag("giftaid.reclaimable", (double)(command.Amount * options.GiftAidRate)); // clean precision-about
            span.Activity?.SetTag(HospvolAttributes.Contact, pseudonymizer.ComputeHospvolDonorId(command.Email)); // leak TC1001 precision-pseudonym
        }

        logger.LogTaskFailedEventIfSlow(span, command);
        return donation.DonationId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gift Aid declaration {DeclarationId} for {Address}")]
    private static partial void LogDeclaration(ILogger logger, string declarationId, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gift Aid declaration {DeclarationId} by {LastName}")]
    private static partial void LogDeclarationRedacted(ILogger logger, string declarationId, [PrivateData] string lastName);
}

internal static partial class DonationLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Donation to {Appeal} declined: {DeclineCode}")]
    public static partial void LogTaskFailed(this ILogger logger, string appeal, string declineCode);

    public static void LogTaskFailedEventIfSlow(this ILogger logger, HospvolTaskSpan span, DonateCommand command)
    {
        if (command.Amount >= 1000)
        {
            logger.LogHospvolTaskFailedEvent(hospvolProgramme: command.Appeal, hospvolOutcome: "review", hospvolNote: $"Large gift from {command.FirstName} {command.LastName}"); // leak TC1001 generated-api
        }
    }
}
