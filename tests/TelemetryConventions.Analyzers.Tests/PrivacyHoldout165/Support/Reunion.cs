namespace PrivacyHoldout165.Support;

// A broadcaster's family reunion series, its DNA match stories and a newspaper's obituary archive.

/// <summary>An applicant to the show. Prints applicant id, name, email, phone and the relative they are looking for.</summary>
public sealed record ReunionApplicant(string ApplicantId, string Name, string Email, string Phone, string SoughtRelativeName, string Story);

/// <summary>A DNA match found for a story. Prints both kit owners' display names, shared centimorgans and the predicted relationship.</summary>
public sealed record StoryMatch(string StoryId, string ApplicantId, string MatchDisplayName, double SharedCentimorgans, string PredictedRelationship);

/// <summary>An episode segment. Prints show, segment, episode and runtime; names no one.</summary>
public sealed record EpisodeSegment(string Show, string Segment, int Episode, TimeSpan Runtime);

/// <summary>An obituary from the archive. Prints notice id, the deceased's name, the town and the year.</summary>
public sealed record ArchivedObituary(string NoticeId, string DeceasedName, string Town, int Year, string Text);

public interface ICastingDesk
{
    Task<ReunionApplicant?> FindAsync(string applicantId, CancellationToken cancellationToken = default);

    Task<StoryMatch?> MatchAsync(string applicantId, CancellationToken cancellationToken = default);
}

/// <summary>A relative has withdrawn from the story; quotes the relative's name.</summary>
public sealed class RelativeWithdrewException(string relativeName) : Exception($"{relativeName} has withdrawn consent to appear");

/// <summary>The edit overruns the slot; quotes the segment and the overrun.</summary>
public sealed class SegmentOverrunException(string segment, TimeSpan overrun) : Exception($"Segment {segment} overruns by {overrun}");
