namespace MedTech.Broadcast;

// A broadcaster's hearing-aid streaming, documentary contributors and caption requests.

/// <summary>A subscriber's hearing aid linked to the TV app. Prints subscriber id, hearing aid serial, codec and manufacturer.</summary>
public sealed record HearingAidLink(string SubscriberId, string HearingAidSerial, string Codec, string Manufacturer);

/// <summary>A patient contributing to a documentary. Prints contributor id, full name, email, condition and story.</summary>
public sealed record Contributor(string ContributorId, string FullName, string Email, string Condition, string Story);

/// <summary>A viewer's caption request. Prints request id, subscriber id, title, language and comment.</summary>
public sealed record CaptionRequest(string RequestId, string SubscriberId, string TitleId, string Language, string Comment);

/// <summary>The stream could not reach the hearing aid; quotes its serial.</summary>
public sealed class HearingAidPairingException(string hearingAidSerial) : Exception($"Could not pair hearing aid {hearingAidSerial}");

/// <summary>A title has no captions yet; quotes the title.</summary>
public sealed class TitleNotCaptionedException(string titleId) : Exception($"Title {titleId} has no captions");

/// <summary>A contributor withdrew; quotes their name.</summary>
public sealed class ContributorWithdrewException(string fullName) : Exception($"{fullName} withdrew consent to appear");
