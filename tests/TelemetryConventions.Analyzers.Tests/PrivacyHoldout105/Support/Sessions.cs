namespace ClickKit.Sessions
{
    /// <summary>One page or screen view. Prints its members.</summary>
    public sealed record PageView(Guid ViewId, string VisitorId, string? UserId, string Path, string? Referrer, DateTimeOffset At);

    /// <summary>A visitor's session, closed after the idle timeout. Prints its members.</summary>
    public sealed record VisitSession(string SessionId, string VisitorId, string? UserId, DateTimeOffset Started, DateTimeOffset LastSeen, int PageViews, string EntryPath, string ExitPath)
    {
        public TimeSpan Duration => LastSeen - Started;
    }

    public readonly record struct SessionAssignment(VisitSession Session, bool IsNew, bool ClosedPrevious);

    /// <summary>Assigns page views to sessions by visitor, with an idle timeout, as a sessionisation job does.</summary>
    public sealed class Sessionizer(TimeSpan idleTimeout)
    {
        private readonly ConcurrentDictionary<string, VisitSession> _open = new(StringComparer.Ordinal);

        public TimeSpan IdleTimeout { get; } = idleTimeout;

        public int OpenSessions => _open.Count;

        public SessionAssignment Assign(PageView view)
        {
            if (_open.TryGetValue(view.VisitorId, out var current) && view.At - current.LastSeen <= IdleTimeout)
            {
                var next = current with { LastSeen = view.At, PageViews = current.PageViews + 1, ExitPath = view.Path, UserId = current.UserId ?? view.UserId };
                _open[view.VisitorId] = next;
                return new SessionAssignment(next, false, false);
            }
            var session = new VisitSession(Guid.NewGuid().ToString("N"), view.VisitorId, view.UserId, view.At, view.At, 1, view.Path, view.Path);
            _open[view.VisitorId] = session;
            return new SessionAssignment(session, true, current is not null);
        }

        public IReadOnlyList<VisitSession> CloseIdle(DateTimeOffset now)
        {
            var closed = _open.Values.Where(s => now - s.LastSeen > IdleTimeout).ToList();
            foreach (var s in closed)
            {
                _open.TryRemove(s.VisitorId, out _);
            }
            return closed;
        }
    }

    /// <summary>Writes closed sessions to the warehouse's sessions table; not telemetry.</summary>
    public interface ISessionStore
    {
        Task WriteAsync(IReadOnlyList<VisitSession> sessions, CancellationToken cancellationToken = default);
    }
}
