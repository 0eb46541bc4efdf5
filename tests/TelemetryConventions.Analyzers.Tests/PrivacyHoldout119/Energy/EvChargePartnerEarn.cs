namespace PrivacyHoldout119.Energy;

/// <summary>A line of the EV charging network's nightly earn file.</summary>
public sealed record ChargeSessionLine(string ChargerId, string SessionRef, string MembershipNumber, double Kwh, decimal Spend);

/// <summary>Turns the EV charging partner's nightly file into green rewards points, and settles with the partner.</summary>
public sealed partial class EvChargePartnerEarn(IPartnerGateway partners, Pseudonymizer pseudonymizer, ILogger<EvChargePartnerEarn> logger)
{
    private const string Programme = "green-rewards";
    private const string Partner = "ev-charge";
    private static readonly ActivitySource Source = new("Supplier.GreenRewards.Partners");
    private static readonly Meter Meter = new("Supplier.GreenRewards.Partners");
    private static readonly Counter<long> Lines = Meter.CreateCounter<long>("greenrwd.partner.lines");
    private string _currentMembership = "";

    public async Task<PartnerSettlement> ImportAsync(string period, IReadOnlyList<ChargeSessionLine> lines, CancellationToken cancellationToken)
    {
        using var span = Source.StartGreenrwdAccrue(Programme).SetGreenrwdPartner(Partner);
        var posted = Meter.CreateGreenrwdPointsPostedCounter();
        long total = 0;
        var rejected = new Dictionary<string, string>();
        foreach (var line in lines)
        {
            _currentMembership = line.MembershipNumber;
            var earn = new PartnerEarn(Partner, line.SessionRef, line.MembershipNumber, line.Spend, "GBP");
            try
            {
                var points = await partners.EarnAsync(earn, cancellationToken);
                total += points;
                posted.Add(points, Programme, Partner, "posted"); // clean generated-api
                Lines.Add(1, new KeyValuePair<string, object?>("charger", line.ChargerId)); // clean precision-names
            }
            catch (UnknownMembershipException ex)
            {
                rejected[line.SessionRef] = ex.Message;
                LogRejectedLine(logger, line.SessionRef, line.MembershipNumber); // leak TC1001 direct
                span.SetGreenrwdOutcome("unknown-member");
                TagCurrent(span.Activity);
            }
            catch (PartnerApiException ex)
            {
                span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogError("Partner call failed for {Earn}", earn); // leak TC1001 logging-objects
            }
        }

        logger.LogWarning("Rejected sessions: {Rejected}", rejected); // leak TC1001 logging-objects
        logger.LogWarning("Rejected session refs: {Refs}", string.Join(",", rejected.Keys)); // clean precision-names
        var settlement = new PartnerSettlement(Partner, period, total, lines.Sum(l => l.Spend), lines.Count);
        logger.LogInformation("Settlement {Settlement}", settlement); // clean logging-objects
        span.SetGreenrwdPoints(total).SetGreenrwdNote($"period {period}, {rejected.Count} rejected"); // clean generated-api
        return settlement;
    }

    private void TagCurrent(Activity? activity) =>
        activity?.SetTag("greenrwd.partner.membership", _currentMembership); // leak TC1001 cross-member

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "Charge session {SessionRef} names an unknown membership {MembershipNumber}")]
    private static partial void LogRejectedLine(ILogger logger, string sessionRef, string membershipNumber);
}
