namespace PrivacyHoldout119.Transport;

/// <summary>A car hire or hotel booking that earns miles, from the partner's monthly file.</summary>
public sealed record PartnerBookingLine(string PartnerCode, string BookingReference, string MembershipNumber, string GuestSurname, decimal Spend, string Currency);

/// <summary>Imports the car hire and hotel partners' monthly earn files into frequent rider miles.</summary>
public sealed partial class PartnerEarnImport(IPartnerGateway partners, Pseudonymizer pseudonymizer, ILogger<PartnerEarnImport> logger)
{
    private const string Programme = "frequent-rider";
    private static readonly ActivitySource Source = new("Transit.FrequentRider.Partners");
    private static readonly Meter Meter = new("Transit.FrequentRider.Partners");
    private static readonly Counter<long> Mismatches = Meter.CreateCounter<long>("milesrwd.partner.mismatches");

    public async Task<PartnerSettlement> ImportAsync(string partnerCode, string period, IReadOnlyList<PartnerBookingLine> lines, CancellationToken cancellationToken)
    {
        using var span = Source.StartMilesrwdAccrue(Programme).SetMilesrwdPartner(partnerCode);
        span.Activity?.SetTag("milesrwd.file.period", period);
        span.Activity?.SetTag("milesrwd.file.lines", lines.Count); // clean precision-about
        long miles = 0;
        foreach (var line in lines)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["Booking"] = line.BookingReference, ["Partner"] = line.PartnerCode }); // clean precision-names
            try
            {
                miles += await partners.EarnAsync(new PartnerEarn(line.PartnerCode, line.BookingReference, line.MembershipNumber, line.Spend, line.Currency), cancellationToken);
            }
            catch (UnknownMembershipException ex)
            {
                Mismatches.Add(1, new KeyValuePair<string, object?>("partner", line.PartnerCode)); // clean precision-names
                LogMismatch(logger, line.BookingReference, line.GuestSurname); // leak TC1001 direct
                LogMismatchRedacted(logger, line.BookingReference, line.GuestSurname); // clean logging-objects
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                span.SetMilesrwdNote($"surname initial {line.GuestSurname[0]}, {line.GuestSurname.Length} letters"); // clean precision-about
            }
            catch (PartnerApiException ex)
            {
                logger.LogMilesrwdLedgerFailedEvent(Programme, "partner-error", null, ex.Message); // clean exceptions
                logger.LogMilesrwdLedgerFailedEvent(Programme, "partner-error", pseudonymizer.PseudonymizeMilesrwdMemberId(line.MembershipNumber), $"{line.PartnerCode} {ex.ErrorCode}"); // clean precision-pseudonym
                logger.LogMilesrwdLedgerFailedEvent(Programme, "partner-error", null, $"{line.MembershipNumber} {ex.ErrorCode}"); // leak TC1001 generated-api
            }
        }

        var settlement = new PartnerSettlement(partnerCode, period, miles, lines.Sum(l => l.Spend), lines.Count);
        logger.LogInformation("{@Settlement}", settlement); // clean logging-objects
        return settlement;
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Booking {BookingReference} for guest {GuestSurname} has no matching member")]
    private static partial void LogMismatch(ILogger logger, string bookingReference, string guestSurname);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "Booking {BookingReference} for guest {GuestSurname} has no matching member")]
    private static partial void LogMismatchRedacted(ILogger logger, string bookingReference, [PrivateData] string guestSurname);
}
