namespace PrivacyHoldout78.Media;

public sealed record ViewingProfile(Guid ProfileId, Guid SubscriberId, string ProfileName, string Culture, bool Kids);

/// <summary>
/// Localises the titles of the home page rows. Some rows are addressed to the profile by name
/// ("Top picks for Sam"), others are generic ("Trending now", "New this week").
/// </summary>
public sealed class RowTitleLocaliser(
    IStringLocalizer<RowTitleLocaliser> localizer,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<RowTitleLocaliser> logger)
{
    private static readonly HashSet<string> NamedRows = ["row.top_picks", "row.continue_watching"];

    public IReadOnlyList<FeedRow> Localise(ViewingProfile profile, IReadOnlyList<(string RowId, IReadOnlyList<string> TitleIds)> rows)
    {
        using var span = source.StartStreamcopyRender("home.rows");
        span.SetStreamcopyProfileId(pseudonymizer.PseudonymizeStreamcopyProfileId(profile.ProfileId.ToString())); // clean precision-pseudonym
        span.SetStreamcopyCulture(profile.Culture); // clean precision-about
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(profile.Culture);

        var result = new List<FeedRow>();
        foreach (var (rowId, titleIds) in rows)
        {
            var titleKey = "Row." + rowId;
            var title = NamedRows.Contains(rowId) && !profile.Kids ? localizer[titleKey, profile.ProfileName] : localizer[titleKey];
            result.Add(new FeedRow(rowId, titleKey, title.Value, titleIds));
            if (title.ResourceNotFound)
            {
                logger.LogStreamcopyTranslationMissingEvent(titleKey, profile.Culture); // clean precision-about
                logger.LogWarning("Row title {Key} missing in {Culture}; showing {Fallback}", titleKey, profile.Culture, title.Value); // clean precision-about
            }
        }

        span.Activity?.SetTag("home.rows.keys", string.Join(",", result.Select(r => r.TitleKey))); // clean precision-about
        span.Activity?.SetTag("home.rows.titles", string.Join(" | ", result.Select(r => r.RenderedTitle))); // leak TC1001 strings
        var generic = result.Where(r => !NamedRows.Contains(r.RowId)).Select(r => r.RenderedTitle);
        span.SetStreamcopyNote(string.Join(" | ", generic)); // clean generated-api
        logger.LogDebug("Home rows {@Rows}", result); // leak TC1001 logging-objects
        logger.LogDebug("Home row ids {RowIds} titles {TitleCount}", result.Select(r => r.RowId).ToArray(), result.Sum(r => r.TitleIds.Count)); // clean precision-about

        var profileNameLength = profile.ProfileName.Length;
        span.Activity?.SetTag("home.rows.profile_name_length", profileNameLength); // clean precision-names
        meter.CreateStreamcopyMessagesRenderedCounter().Add(result.Count, "home.rows", streamcopyCulture: profile.Culture, streamcopyOutcome: profile.Kids ? "kids" : "standard"); // clean precision-about
        return result;
    }
}
