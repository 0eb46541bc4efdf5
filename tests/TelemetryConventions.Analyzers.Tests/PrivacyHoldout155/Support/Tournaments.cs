namespace Border.Tournaments;

// An esports organiser's visa support for travelling players and sponsored staff.

/// <summary>A player's request for an invitation letter. Prints player id, gamertag, legal name, passport number, nationality and tournament.</summary>
public sealed record InvitationRequest(string PlayerId, string Gamertag, string LegalName, string PassportNumber, string Nationality, string TournamentId);

/// <summary>A letter issued. Prints letter id, tournament, embassy and the day it was issued.</summary>
public sealed record InvitationLetter(string LetterId, string TournamentId, string Embassy, DateOnly Issued);

/// <summary>A team's roster entry. Prints team, player id, gamertag and whether the visa is confirmed.</summary>
public sealed record RosterEntry(string TeamId, string PlayerId, string Gamertag, bool VisaConfirmed);

public interface ILetterSigner
{
    Task<InvitationLetter> SignAsync(InvitationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The player is not on the team's roster; quotes the gamertag.</summary>
public sealed class NotOnRosterException(string gamertag) : Exception($"{gamertag} is not on the roster");

/// <summary>The embassy's slot calendar is full; quotes the embassy.</summary>
public sealed class EmbassyBookedOutException(string embassy) : Exception($"No slots at {embassy}");
