namespace PrivacyHoldout140.Education;

/// <summary>A pupil's paper questionnaire as the research assistant keys it in.</summary>
public sealed record KeyedQuestionnaire(string SessionId, string SchoolUrn, string PupilUpn, int Wave, Dictionary<string, int> Scores, string? FreeTextAnswer, string KeyedBy);

/// <summary>
/// Plans the questionnaire sessions of each wave with the schools and keys in the pupils' answers, raising a data
/// query when a score is out of range, as the study's data management plan says.
/// </summary>
public sealed class QuestionnaireWaveService(
    IResearchPortal portal,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<QuestionnaireWaveService> logger)
{
    private static readonly Meter Meter = new("SchoolStudy.Questionnaires");
    private static readonly Counter<long> Keyed = Meter.CreateCounter<long>("schoolstudy.responses.keyed", "{response}");
    private static readonly Counter<long> Queries = Meter.CreateCounter<long>("schoolstudy.queries.raised", "{query}");

    private string? _currentKeyer;

    public void PlanSession(QuestionnaireSession session, int pupilsConsented)
    {
        using var span = source.StartSchoolstudyOperation(session.SchoolUrn);
        span.SetSchoolstudyWave(session.Wave);
        span.SetSchoolstudyPupilCount(pupilsConsented); // clean precision-about
        logger.LogInformation("Session planned {Session}", session); // clean logging-objects
    }

    public async Task KeyInAsync(KeyedQuestionnaire paper, CancellationToken cancellationToken)
    {
        _currentKeyer = paper.KeyedBy;
        using var span = source.StartSchoolstudyOperation(paper.SchoolUrn);
        span.SetSchoolstudyWave(paper.Wave);
        span.Activity?.SetTag("schoolstudy.session.id", paper.SessionId); // clean precision-names

        var outOfRange = paper.Scores.Where(s => s.Value is < 0 or > 4).Select(s => s.Key).ToList();
        foreach (var item in outOfRange)
        {
            Queries.Add(1, new("item", item), new("wave", paper.Wave)); // clean precision-names
            RaiseQuery(paper, item);
        }

        try
        {
            var response = new QuestionnaireResponse(Guid.NewGuid().ToString("N"), paper.PupilUpn, paper.Wave, paper.Scores);
            await portal.SaveAsync(response, cancellationToken);
            span.Activity?.SetTag("schoolstudy.response.id", response.ResponseId); // clean precision-names
            span.Activity?.SetTag("schoolstudy.response.items", response.Scores.Count); // clean precision-about
            logger.LogDebug("Saved {Response}", response); // leak TC1001 logging-objects
            Keyed.Add(1, new KeyValuePair<string, object?>("school", paper.SchoolUrn)); // clean precision-about
        }
        catch (ConsentWithdrawnException ex)
        {
            logger.LogWarning(ex, "Questionnaire not keyed: consent withdrawn"); // leak TC1001 exceptions
            span.SetSchoolstudyOutcome(ex.GetType().Name); // clean exceptions
            return;
        }
        catch (SchoolNotRecruitedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return;
        }

        if (!string.IsNullOrWhiteSpace(paper.FreeTextAnswer))
        {
            span.Activity?.SetTag("schoolstudy.free_text.words", paper.FreeTextAnswer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            span.SetSchoolstudyNote(paper.FreeTextAnswer.Length > 60 ? paper.FreeTextAnswer[..60] : paper.FreeTextAnswer); // leak TC1001 generated-api
        }
    }

    private void RaiseQuery(KeyedQuestionnaire paper, string item)
    {
        var text = new StringBuilder().Append("Check item ").Append(item).Append(" for pupil ").Append(paper.PupilUpn).ToString();
        logger.LogWarning("Data query raised: {Query}", text); // leak TC1001 strings
        logger.LogSchoolstudyConsentFailedEvent(paper.SchoolUrn, "query", schoolstudyPupilId: pseudonymizer.PseudonymizeSchoolstudyPupilId(paper.PupilUpn), schoolstudyNote: $"item {item} out of range"); // clean generated-api
    }

    public void EndOfShift()
    {
        logger.LogInformation("Keying shift closed by {Keyer}", _currentKeyer); // leak TC1001 cross-member
    }
}
