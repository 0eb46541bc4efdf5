#nullable disable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout28.Support.Common;

namespace PrivacyHoldout28.Gaming;

/// <summary>The lobby's session table. One per process; the socket layer calls it from its I/O threads.</summary>
public sealed partial class PlayerSessionManager
{
    private static volatile PlayerSessionManager _instance;
    private static readonly object _instanceLock = new object();
    private static readonly Meter LobbyMeter = new Meter("Contoso.Lobby");
    private static readonly Counter<long> Joins = LobbyMeter.CreateCounter<long>("lobby.joins");
    private static readonly UpDownCounter<long> Online = LobbyMeter.CreateUpDownCounter<long>("lobby.online");

    // account id -> PlayerSession
    private readonly Hashtable _sessions = new Hashtable();
    private readonly Timer _idleTimer;
    private readonly ILogger _logger;

    public event EventHandler<PlayerEventArgs> PlayerJoined;

    public event EventHandler<PlayerEventArgs> PlayerLeft;

    private PlayerSessionManager()
    {
        _logger = Log.Factory.CreateLogger("Contoso.Lobby.Sessions");
        _idleTimer = new Timer(KickIdle, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public static PlayerSessionManager Instance
    {
        get
        {
            if (_instance == null)
            {
                lock (_instanceLock)
                {
                    if (_instance == null)
                    {
                        _instance = new PlayerSessionManager();
                    }
                }
            }

            return _instance;
        }
    }

    public int Count
    {
        get { lock (_sessions.SyncRoot) { return _sessions.Count; } }
    }

    public PlayerSession Join(long accountId, string gamertag, string region, string platform)
    {
        PlayerSession session = new PlayerSession(accountId, gamertag, region, platform);
        lock (_sessions.SyncRoot)
        {
            _sessions[accountId] = session;
        }

        Activity.Current?.AddBaggage("lobby.account", accountId.ToString()); // leak TC1001 direct
        Activity.Current?.AddBaggage("lobby.region", region); // clean precision-about
        Online.Add(1, new KeyValuePair<string, object>("region", region), new KeyValuePair<string, object>("platform", platform)); // clean precision-about
        Joins.Add(1, new KeyValuePair<string, object>("region", region), new KeyValuePair<string, object>("gamertag", gamertag)); // leak TC1003 direct
        LogJoined(_logger, gamertag, Count); // clean precision-pseudonym
        OnPlayerJoined(new PlayerEventArgs(session, "join"));
        return session;
    }

    public bool TryGetSession(long accountId, out PlayerSession session)
    {
        lock (_sessions.SyncRoot)
        {
            session = (PlayerSession)_sessions[accountId];
        }

        return session != null;
    }

    protected void OnPlayerJoined(PlayerEventArgs e)
    {
        EventHandler<PlayerEventArgs> handler = PlayerJoined;
        if (handler != null)
        {
            handler(this, e);
        }
    }

    private void OnPlayerLeft(PlayerEventArgs e)
    {
        _logger.LogInformation("Player left: " + e.Session + ", reason " + e.Reason); // clean logging-objects
        EventHandler<PlayerEventArgs> handler = PlayerLeft;
        if (handler != null)
        {
            handler(this, e);
        }
    }

    private void KickIdle(object state)
    {
        TimeSpan idleLimit = (TimeSpan)state;
        ArrayList kicked = new ArrayList();
        lock (_sessions.SyncRoot)
        {
            foreach (DictionaryEntry entry in _sessions)
            {
                PlayerSession session = (PlayerSession)entry.Value;
                if (DateTime.UtcNow - session.LastSeenUtc > idleLimit)
                {
                    kicked.Add(session);
                }
            }

            foreach (PlayerSession session in kicked)
            {
                _sessions.Remove(session.AccountId);
                Online.Add(-1, new KeyValuePair<string, object>("region", session.Region), new KeyValuePair<string, object>("platform", session.Platform));
            }
        }

        foreach (PlayerSession session in kicked)
        {
            OnPlayerLeft(new PlayerEventArgs(session, "idle"));
            _logger.LogDebug("Idle kick: account {AccountId} after {Idle}", session.AccountId, idleLimit); // leak TC1001 cross-member
        }

        _logger.LogInformation("Idle sweep kicked {Count} of {Total} session(s)", kicked.Count, Count); // clean precision-about
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Player {Gamertag} joined the lobby ({Sessions} online)")]
    private static partial void LogJoined(ILogger logger, [PrivateData] string gamertag, int sessions);
}
