namespace PrivacyHoldout78.Support;

// The copy-testing client: an experiment assigns a variant, and the variant names the resource key
// of the text to show.

public sealed record CopyVariant(string Experiment, string Variant, string ResourceKey);

public sealed record CopyExposure(string Experiment, string Variant, string SubjectKey, DateTimeOffset At);

public interface ICopyExperiments
{
    CopyVariant Assign(string experiment, string subjectKey);
}

// Recommendation explanations and personalised rows of a feed.

public sealed record RecommendationReason(string Kind, string AnchorTitleId, string AnchorTitle);

public sealed record FeedRow(string RowId, string TitleKey, string RenderedTitle, IReadOnlyList<string> TitleIds);
