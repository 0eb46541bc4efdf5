namespace PrivacyHoldout149.Transport;

/// <summary>
/// The train operator's prosecutions team: turns revenue officers' fare evasion reports into Single
/// Justice Procedure notices and follows the pleas that come back.
/// </summary>
public sealed class FareEvasionProsecutions(
    ISjpGateway sjp,
    Pseudonymizer pseudonymizer,
    ILogger<FareEvasionProsecutions> logger)
{
    private static readonly ActivitySource Source = new("Railway.Prosecutions");
    private static readonly Meter Meter = new("Railway.Prosecutions");
    private static readonly Counter<long> Notices = Meter.CreateCounter<long>("prosecutions.sjp.notices", "{notice}");
    private static readonly Histogram<double> FareDue = Meter.CreateHistogram<double>("prosecutions.fare_due", "GBP");

    public async Task<SjpNotice> ProsecuteAsync(FareEvasionCase fareCase, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichEscortOperation(fareCase.Station);
        span.SetEscortPersonId(pseudonymizer.PseudonymizeEscortPersonId(fareCase.PassengerEmail)); // clean precision-pseudonym
        span.SetEscortOfficerId(pseudonymizer.PseudonymizeEscortOfficerId(fareCase.RevenueOfficerId)); // clean precision-pseudonym
        Activity.Current?.SetTag(EscortAttributes.Contact, fareCase.PassengerEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("sjp.case.id", fareCase.CaseId); // clean precision-names
        Activity.Current?.SetTag("sjp.station", fareCase.Station);
        Activity.Current?.SetTag("sjp.passenger", fareCase.PassengerName); // leak TC1001 direct
        Activity.Current?.SetTag("sjp.passenger.age", DateTime.UtcNow.Year - fareCase.DateOfBirth.Year); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("sjp.address", tags: new ActivityTagsCollection { ["address"] = fareCase.PassengerAddress })); // leak TC1001 direct
        FareDue.Record((double)fareCase.FareDue, new KeyValuePair<string, object?>("station", fareCase.Station)); // clean precision-names
        Notices.Add(1, new KeyValuePair<string, object?>("officer", fareCase.RevenueOfficerId)); // leak TC1003 direct
        logger.LogInformation("Prosecuting {Passenger} ({Email}) for {FareDue:C}", fareCase.PassengerName, fareCase.PassengerEmail, fareCase.FareDue); // leak TC1001 direct
        logger.LogInformation("Fare evasion case {@Case}", fareCase); // leak TC1001 logging-objects

        var notice = await sjp.ProsecuteAsync(fareCase, cancellationToken);
        Activity.Current?.SetTag("sjp.notice.id", notice.NoticeId);
        Activity.Current?.SetTag("sjp.court", notice.Court);
        logger.LogInformation("Notice {Notice}", notice); // clean logging-objects
        logger.LogInformation(BuildNoticeLine(fareCase, notice)); // leak TC1001 strings
        logger.LogInformation(BuildCourtLine(notice)); // clean strings
        return notice;
    }

    private static string BuildNoticeLine(FareEvasionCase fareCase, SjpNotice notice) =>
        string.Format(CultureInfo.InvariantCulture, "SJP notice {0} sent to {1}, respond by {2:d}", notice.NoticeId, fareCase.PassengerName, notice.ResponseDue);

    private static string BuildCourtLine(SjpNotice notice) =>
        string.Format(CultureInfo.InvariantCulture, "SJP notice {0} at {1}, respond by {2:d}", notice.NoticeId, notice.Court, notice.ResponseDue);
}
