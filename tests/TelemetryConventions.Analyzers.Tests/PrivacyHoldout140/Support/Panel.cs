namespace PrivacyHoldout140.Support.Panel;

// The shapes of a broadcaster's audience research panel: panellists, households, diaries, quotas.

/// <summary>A panellist. Prints the panellist id, the household id, the name, the email, the full postcode and the age band.</summary>
public sealed record Panellist(string PanellistId, string HouseholdId, string Name, string Email, string Postcode, string AgeBand);

/// <summary>A viewing diary entry. Prints the panellist id, the channel, the times and the comment typed.</summary>
public sealed record DiaryEntry(string PanellistId, string ChannelCode, DateTime From, DateTime To, string? Comment);

/// <summary>A quota cell. Prints the region, the age band, the target and the number recruited.</summary>
public sealed record PanelQuota(string Region, string AgeBand, int Target, int Recruited);

/// <summary>The household already has a panellist; the message quotes the household id.</summary>
public sealed class HouseholdOnPanelException(string householdId) : Exception($"Household {householdId} already has a panellist");

/// <summary>The quota cell is closed; the message quotes the region and the age band.</summary>
public sealed class QuotaClosedException(string region, string ageBand) : Exception($"Quota {region}/{ageBand} is closed");
