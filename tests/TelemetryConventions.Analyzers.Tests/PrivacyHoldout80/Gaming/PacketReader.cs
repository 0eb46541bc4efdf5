namespace PrivacyHoldout80.Gaming;

public enum PacketType : byte
{
    Handshake = 1,
    Input = 2,
    Snapshot = 3,
    Chat = 4,
    Disconnect = 5,
}

/// <summary>A connection slot on the game server. The remote end point is the player's address.</summary>
public sealed class Connection
{
    public required int Slot { get; init; }

    public required IPEndPoint Remote { get; init; }

    public Guid PlayerId { get; set; }

    public string? Gamertag { get; set; }

    public ushort LastSequence { get; set; }
}

/// <summary>
/// The UDP netcode header <c>[protocol:1][type:1][sequence:2][ack:2][ack bits:4]</c> and the bodies the
/// server reads: a handshake carries the player's account id (16 bytes) and gamertag (length-prefixed UTF-8),
/// a chat packet the channel and the text.
/// </summary>
public sealed partial class PacketReader(ILogger<PacketReader> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private const int HeaderSize = 10;
    private static readonly ActivitySource Source = new("Netwire.Packets");
    private readonly Counter<long> _packets = meter.CreateCounter<long>("netwire.packets", "{packet}");
    private readonly KeyValuePair<string, object?>[][] _typeTags = Enum.GetValues<PacketType>()
        .Select(t => new[] { new KeyValuePair<string, object?>("packet.type", t.ToString()) }).ToArray();

    public void Read(Connection connection, ReadOnlySpan<byte> datagram)
    {
        var protocol = datagram[0];
        var type = (PacketType)datagram[1];
        var sequence = BinaryPrimitives.ReadUInt16LittleEndian(datagram[2..]);
        var ack = BinaryPrimitives.ReadUInt16LittleEndian(datagram[4..]);
        _packets.Add(1, _typeTags[(int)type - 1]); // clean precision-about

        if ((ushort)(sequence - connection.LastSequence) > 0x8000)
        {
            LogOutOfOrder(logger, connection.Slot, sequence, connection.LastSequence, ack); // clean precision-about
            return;
        }
        connection.LastSequence = sequence;
        var body = datagram[HeaderSize..];

        switch (type)
        {
            case PacketType.Handshake:
                OnHandshake(connection, protocol, body);
                break;
            case PacketType.Chat:
                OnChat(connection, body);
                break;
            case PacketType.Disconnect:
                logger.LogInformation("Slot {Slot} disconnected: reason {Reason}", connection.Slot, body[0]); // clean precision-about
                logger.LogInformation("Player at {Remote} disconnected", connection.Remote); // leak TC1001 direct
                break;
        }
    }

    private void OnHandshake(Connection connection, byte protocol, ReadOnlySpan<byte> body)
    {
        var playerId = new Guid(body[..16]);
        var tagLength = body[16];
        var gamertag = Encoding.UTF8.GetString(body.Slice(17, tagLength));
        connection.PlayerId = playerId;
        connection.Gamertag = gamertag;

        using var activity = Source.StartActivity("netwire.handshake");
        activity?.SetTag("netwire.protocol", protocol); // clean precision-about
        activity?.SetTag("netwire.slot", connection.Slot); // clean precision-about
        activity?.SetTag("netwire.player", pseudonymizer.ComputeNetwirePlayerId(playerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("netwire.gamertag.length", tagLength); // clean precision-about
        activity?.SetTag("netwire.gamertag", gamertag); // leak TC1001 direct
        activity?.SetTag("netwire.remote", connection.Remote.ToString()); // leak TC1001 direct
        LogHandshake(logger, connection.Slot, playerId, protocol); // leak TC1001 direct
    }

    private void OnChat(Connection connection, ReadOnlySpan<byte> body)
    {
        var channel = body[0];
        var text = Encoding.UTF8.GetString(body[1..]);
        if (text.Length > 200)
        {
            logger.LogWarning("Chat packet on channel {Channel} over limit: {Length} characters from slot {Slot}", channel, text.Length, connection.Slot); // clean precision-about
            logger.LogWarning("Oversized chat from {Gamertag}: {Text}", connection.Gamertag, text[..64]); // leak TC1001 direct
        }
        meter.CreateNetwireFramesDecodedCounter().Add(1, "0x04", text.Length > 200 ? "chat:oversized" : "chat:ok"); // clean precision-about
        Activity.Current.EnrichNetwireFrameDecode("gs-local").SetNetwireNote($"chat from slot {connection.Slot}: {text}"); // leak TC1001 generated-api
        Activity.Current?.AddEvent(new ActivityEvent("netwire.chat", tags: new ActivityTagsCollection { ["channel"] = channel, ["bytes"] = body.Length })); // clean precision-about
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Slot {Slot}: sequence {Sequence} behind {Last} (ack {Ack})")]
    private static partial void LogOutOfOrder(ILogger logger, int slot, ushort sequence, ushort last, ushort ack);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Slot {Slot} handshake for player {PlayerId}, protocol {Protocol}")]
    private static partial void LogHandshake(ILogger logger, int slot, Guid playerId, byte protocol);
}
