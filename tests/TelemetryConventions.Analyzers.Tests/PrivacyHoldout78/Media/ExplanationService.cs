namespace PrivacyHoldout78.Media;

/// <summary>
/// Turns a recommender's reason into the line under a tile: "Because you watched Dune",
/// "Popular in Wales", "Because Sam liked Bluey" on a shared account.
/// </summary>
public sealed partial class ExplanationService(
    IStringLocalizer<ExplanationService> localizer,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<ExplanationService> logger)
{
    private readonly Counter<long> _explanations = new Meter("Streaming.Explanations").CreateCounter<long>("streamcopy.explanations", "{explanation}");

    public string Explain(ViewingProfile profile, RecommendationReason reason, string candidateTitleId)
    {
        using var span = source.StartStreamcopyRender("tile.explanation");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(profile.Culture);
        var line = reason.Kind switch
        {
            "watched" => localizer["Explain.BecauseYouWatched", reason.AnchorTitle],
            "household" => localizer["Explain.BecauseOtherLiked", profile.ProfileName, reason.AnchorTitle],
            _ => localizer["Explain.Popular"],
        };

        span.Activity?.SetTag("explanation.kind", reason.Kind); // clean precision-about
        span.Activity?.SetTag("explanation.anchor_title", reason.AnchorTitleId); // clean precision-about
        _explanations.Add(1, new KeyValuePair<string, object?>("kind", reason.Kind), new KeyValuePair<string, object?>("culture", profile.Culture)); // clean precision-about
        logger.LogDebug("Explanation {@Reason} for {Candidate}", reason, candidateTitleId); // clean logging-objects

        if (reason.Kind == "watched")
        {
            span.SetStreamcopyNote(line.Value); // clean generated-api
        }
        else if (reason.Kind == "household")
        {
            span.SetStreamcopyNote(line.Value); // leak TC1001 generated-api
        }

        LogExplained(logger, profile.ProfileId, reason.Kind, candidateTitleId); // leak TC1001 direct
        LogExplainedPseudonymous(logger, pseudonymizer.ComputeStreamcopyProfileId(profile.ProfileId.ToString()), reason.Kind); // clean precision-pseudonym
        return line.Value;
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Explained {Kind} for profile {ProfileId} on {Candidate}")]
    private static partial void LogExplained(ILogger logger, Guid profileId, string kind, string candidate);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Explained {Kind} for profile {Profile}")]
    private static partial void LogExplainedPseudonymous(ILogger logger, string profile, string kind);
}
