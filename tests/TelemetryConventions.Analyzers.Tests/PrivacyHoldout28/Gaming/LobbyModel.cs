#nullable disable
using System;
using System.Collections.Generic;
using PrivacyHoldout28.Support.ServiceModel;

namespace PrivacyHoldout28.Gaming;

public class PlayerSession
{
    public PlayerSession(long accountId, string gamertag, string region, string platform)
    {
        SessionId = Guid.NewGuid();
        AccountId = accountId;
        Gamertag = gamertag;
        Region = region;
        Platform = platform;
        LastSeenUtc = DateTime.UtcNow;
    }

    public Guid SessionId { get; private set; }

    public long AccountId { get; private set; }

    public string Gamertag { get; private set; }

    public string Region { get; private set; }

    public string Platform { get; private set; }

    public DateTime LastSeenUtc { get; set; }

    public override string ToString()
    {
        return "Session " + SessionId.ToString("N") + " (" + Region + "/" + Platform + ")";
    }
}

public class PlayerEventArgs : EventArgs
{
    public PlayerEventArgs(PlayerSession session, string reason)
    {
        Session = session;
        Reason = reason;
    }

    public PlayerSession Session { get; private set; }

    public string Reason { get; private set; }
}

[ServiceContract(Namespace = "urn:contoso-games:results")]
public interface IMatchResultService
{
    [OperationContract]
    void ReportMatch(MatchReport report);
}

[DataContract]
public class MatchReport
{
    [DataMember]
    public long MatchId { get; set; }

    [DataMember]
    public string Mode { get; set; }

    [DataMember]
    public List<long> WinnerAccountIds { get; set; }

    [DataMember]
    public List<long> LoserAccountIds { get; set; }

    [DataMember]
    public int DurationSeconds { get; set; }
}

[Serializable]
public class GameServerException : Exception
{
    public GameServerException(string message)
        : base(message)
    {
    }

    public int ErrorCode { get; set; }
}

[Serializable]
public class CheatDetectedException : GameServerException
{
    public CheatDetectedException(long accountId, string rule)
        : base("Account " + accountId + " flagged by rule " + rule)
    {
        AccountId = accountId;
        Rule = rule;
        ErrorCode = 4031;
    }

    public long AccountId { get; private set; }

    public string Rule { get; private set; }
}

[Serializable]
public class MatchNotFoundException : GameServerException
{
    public MatchNotFoundException(long matchId)
        : base("Match " + matchId + " is not open for results")
    {
        MatchId = matchId;
        ErrorCode = 4041;
    }

    public long MatchId { get; private set; }
}
