namespace PrivacyHoldout167.Media;

/// <summary>Matches the penalty notices the outside-broadcast trucks and crew cars collect to the crew member on the rota and asks them to pay or appeal.</summary>
public sealed partial class CrewPenaltyNoticeWorker(
    IQueueReceiver<PenaltyNotice> notices,
    INoticeMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<CrewPenaltyNoticeWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcast.CrewNotices");
    private static readonly Meter Meter = new("Broadcast.CrewNotices");
    private static readonly Counter<long> Matched = Meter.CreateCounter<long>("crew.notices.matched");

    // The rota: crew car plate -> (crew id, email).
    private readonly Dictionary<string, (string CrewId, string Email)> _rota = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await notices.ReceiveAsync(stoppingToken) is { } notice)
        {
            using var activity = Source.StartActivity("crew.notice");
            activity?.SetTag("notice.number", notice.NoticeNumber); // clean precision-about
            activity?.SetTag("notice.location", notice.LocationCode); // clean precision-about
            activity?.SetTag("notice.vehicle", notice.Vrm); // leak TC1001 direct
            activity?.SetTag("notice.ceo", notice.OfficerNumber); // leak TC1001 direct
            if (!_rota.TryGetValue(notice.Vrm, out var crew))
            {
                LogUnmatched(logger, notice.NoticeNumber, notice.Vrm); // clean precision-names
                Matched.Add(1, new KeyValuePair<string, object?>("matched", false)); // clean precision-about
                continue;
            }

            var crewPseudonym = pseudonymizer.PseudonymizeObfleetCrewId(crew.CrewId);
            activity?.SetTag("notice.crew", crewPseudonym.Value); // clean precision-pseudonym
            activity?.AddBaggage("crew.id", crew.CrewId); // leak TC1001 direct
            activity?.AddBaggage("crew.pseudonym", crewPseudonym.Value); // clean precision-pseudonym
            Matched.Add(1, new KeyValuePair<string, object?>("crew", crewPseudonym.Value)); // leak TC1003 precision-pseudonym
            LogMatched(logger, notice.NoticeNumber, crew.CrewId, crew.Email); // leak TC1001 cross-member
            try
            {
                await mailer.SendAsync(crew.Email, "tpl-crew-pcn", new Dictionary<string, string> { ["notice"] = notice.NoticeNumber, ["vrm"] = notice.Vrm }, stoppingToken);
            }
            catch (PaymentDeclinedException ex)
            {
                logger.LogError(ex, "Mail failed for notice {Notice}", notice.NoticeNumber); // clean exceptions
            }
            catch (Exception ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogError("Mail to {Email} failed", crew.Email); // leak TC1001 direct
            }
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Notice {Notice} for {Vrm} matched no crew car")]
    private static partial void LogUnmatched(ILogger logger, string notice, [PrivateData] string vrm);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Notice {Notice} matched crew {CrewId} ({Email})")]
    private static partial void LogMatched(ILogger logger, string notice, string crewId, string email);
}
