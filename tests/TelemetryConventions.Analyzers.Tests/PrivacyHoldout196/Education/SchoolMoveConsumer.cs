namespace PrivacyHoldout196.Education;

/// <summary>A placement move that means a school move, published by the fostering agency.</summary>
public sealed record SchoolMoveNotice(string MoveId, string ChildId, string ChildName, string FromSchoolUrn, string ToSchoolUrn, string CarerPostcode, string[] SiblingNames, int DaysOutOfSchool);

public sealed class SchoolMoveConsumer(
    IConsumer<string, SchoolMoveNotice> consumer,
    IFosteringStore store,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<SchoolMoveConsumer> logger) : BackgroundService
{
    private readonly Meter _meter = new("Hearth.VirtualSchool.Moves");
    private readonly List<string> _pendingNames = [];
    private int _movesThisTerm;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var moves = _meter.CreateCounter<long>("vs.school_moves");
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var notice = result.Message.Value;
            using var activity = source.StartActivity("vs.school_move");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("vs.move.id", notice.MoveId); // clean precision-names
            activity?.SetTag("vs.move.from", notice.FromSchoolUrn); // clean precision-names
            activity?.SetTag("vs.move.days_out", notice.DaysOutOfSchool); // clean precision-about
            activity?.SetTag("vs.move.siblings", notice.SiblingNames.Length); // clean precision-about
            activity?.SetTag("vs.move.carer_postcode", notice.CarerPostcode); // leak TC1001 direct
            activity?.SetTag("vs.move.carer_district", notice.CarerPostcode.Split(' ')[0]); // clean precision-about

            moves.Add(1, new KeyValuePair<string, object?>("to_school", notice.ToSchoolUrn)); // clean precision-names
            _movesThisTerm++;
            _pendingNames.Add(notice.ChildName);

            logger.LogInformation("Siblings moved with the child: {Siblings}", string.Join(", ", notice.SiblingNames)); // leak TC1001 strings

            var line = new StringBuilder("School move ").Append(notice.MoveId).Append(" for ").Append(notice.ChildName);
            logger.LogInformation("{Line}", line.ToString()); // leak TC1001 strings
            var shortLine = new StringBuilder("School move ").Append(notice.MoveId).Append(" to ").Append(notice.ToSchoolUrn);
            logger.LogInformation("{Line}", shortLine.ToString()); // clean strings

            try
            {
                var child = await store.FindChildAsync(notice.ChildId, stoppingToken) ?? throw new PlacementNotFoundException(notice.MoveId);
                activity?.SetTag("vs.child.status", child.LegalStatus); // clean precision-about
                activity?.SetTag("vs.child.born", child.DateOfBirth.ToString("O")); // leak TC1001 direct
            }
            catch (PlacementNotFoundException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogPepsyncOperationFailedEvent("moves", "placement-missing", pepsyncNote: ex.Message); // clean generated-api
            }
            catch (Exception ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogPepsyncOperationFailedEvent("moves", "failed", pepsyncChildId: pseudonymizer.PseudonymizePepsyncChildId(notice.ChildId), pepsyncNote: notice.ChildName); // leak TC1001 generated-api
            }

            consumer.Commit(result);
        }
    }

    public void ReportTerm()
    {
        logger.LogInformation("Moves this term: {Moves}", _movesThisTerm); // clean cross-member
        logger.LogInformation("Children awaiting a school place: {Names}", _pendingNames); // leak TC1001 cross-member
        logger.LogInformation("Children awaiting a school place: {Count}", _pendingNames.Count); // clean cross-member
    }
}
