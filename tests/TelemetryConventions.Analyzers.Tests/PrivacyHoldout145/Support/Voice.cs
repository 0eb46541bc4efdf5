namespace Telco.Voice;

// A game's voice chat and the phone verification it asks of players.

/// <summary>A voice session. Prints session id, channel, the player's id and gamertag, minutes and region.</summary>
public sealed record VoiceSession(string SessionId, string ChannelId, Guid PlayerId, string Gamertag, int Minutes, string Region);

/// <summary>A voice channel. Prints channel id, kind, members and region.</summary>
public sealed record VoiceChannel(string ChannelId, string Kind, int Members, string Region);

/// <summary>A phone verification for voice chat. Prints the player's id, the phone number and the code sent.</summary>
public sealed record PhoneVerification(Guid PlayerId, string Phone, string CodeSent);

/// <summary>A voice abuse report. Prints report id, reporter's and reported players' ids, the clip id and the reporter's words.</summary>
public sealed record VoiceReport(string ReportId, Guid ReporterId, Guid ReportedId, string ClipId, string? Description);

public interface IVoiceBackend
{
    Task<VoiceChannel> JoinAsync(string channelId, Guid playerId, CancellationToken cancellationToken = default);

    Task SendCodeAsync(string phone, string code, CancellationToken cancellationToken = default);
}

/// <summary>The player is banned from voice; quotes the gamertag and the end of the ban.</summary>
public sealed class VoiceBanException(string gamertag, DateTimeOffset until) : Exception($"{gamertag} is banned from voice until {until:u}")
{
    public DateTimeOffset Until { get; } = until;
}

/// <summary>The channel is full; quotes the channel and capacity.</summary>
public sealed class ChannelFullException(string channelId, int capacity) : Exception($"Channel {channelId} is full ({capacity})");
