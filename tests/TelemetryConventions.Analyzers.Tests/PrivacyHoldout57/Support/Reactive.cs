using System.Collections.Generic;
using System.Collections.Immutable;

// Stand-ins for System.Reactive (Rx.NET), reduced to what the services use: a subject, the
// lambda overloads of Subscribe and a few query operators. Only the shapes matter.

namespace System
{
    public static class ObservableExtensions
    {
        public static IDisposable Subscribe<T>(this IObservable<T> source, Action<T> onNext) =>
            source.Subscribe(new System.Reactive.AnonymousObserver<T>(onNext, static _ => { }, static () => { }));

        public static IDisposable Subscribe<T>(this IObservable<T> source, Action<T> onNext, Action<Exception> onError) =>
            source.Subscribe(new System.Reactive.AnonymousObserver<T>(onNext, onError, static () => { }));

        public static IDisposable Subscribe<T>(this IObservable<T> source, Action<T> onNext, Action<Exception> onError, Action onCompleted) =>
            source.Subscribe(new System.Reactive.AnonymousObserver<T>(onNext, onError, onCompleted));
    }
}

namespace System.Reactive
{
    public sealed class AnonymousObserver<T>(Action<T> onNext, Action<Exception> onError, Action onCompleted) : IObserver<T>
    {
        public void OnNext(T value) => onNext(value);

        public void OnError(Exception error) => onError(error);

        public void OnCompleted() => onCompleted();
    }

    public static class Disposable
    {
        public static IDisposable Create(Action dispose) => new ActionDisposable(dispose);

        private sealed class ActionDisposable(Action dispose) : IDisposable
        {
            public void Dispose() => dispose();
        }
    }
}

namespace System.Reactive.Subjects
{
    /// <summary>Both an observable and an observer: what is pushed in is pushed to every subscriber.</summary>
    public sealed class Subject<T> : IObservable<T>, IObserver<T>, IDisposable
    {
        private ImmutableList<IObserver<T>> _observers = ImmutableList<IObserver<T>>.Empty;

        public bool HasObservers => !_observers.IsEmpty;

        public IDisposable Subscribe(IObserver<T> observer)
        {
            ImmutableInterlocked.Update(ref _observers, static (list, o) => list.Add(o), observer);
            return Disposable.Create(() => ImmutableInterlocked.Update(ref _observers, static (list, o) => list.Remove(o), observer));
        }

        public void OnNext(T value)
        {
            foreach (var observer in _observers)
            {
                observer.OnNext(value);
            }
        }

        public void OnError(Exception error)
        {
            foreach (var observer in _observers)
            {
                observer.OnError(error);
            }
        }

        public void OnCompleted()
        {
            foreach (var observer in _observers)
            {
                observer.OnCompleted();
            }
        }

        public void Dispose() => _observers = ImmutableList<IObserver<T>>.Empty;
    }
}

namespace System.Reactive.Linq
{
    using System.Reactive.Subjects;

    public static class Observable
    {
        public static IObservable<T> Where<T>(this IObservable<T> source, Func<T, bool> predicate) =>
            new Operator<T, T>(source, (value, next) =>
            {
                if (predicate(value))
                {
                    next(value);
                }
            });

        public static IObservable<TResult> Select<T, TResult>(this IObservable<T> source, Func<T, TResult> selector) =>
            new Operator<T, TResult>(source, (value, next) => next(selector(value)));

        /// <summary>Emits the values in lists of <paramref name="count"/>, the last one shorter when the source completes.</summary>
        public static IObservable<IList<T>> Buffer<T>(this IObservable<T> source, int count)
        {
            var buffer = new List<T>(count);
            return new Operator<T, IList<T>>(source, (value, next) =>
            {
                buffer.Add(value);
                if (buffer.Count == count)
                {
                    var full = buffer.ToArray();
                    buffer.Clear();
                    next(full);
                }
            });
        }

        /// <summary>Groups the values by key; each group is an observable of its own.</summary>
        public static IObservable<IGroupedObservable<TKey, T>> GroupBy<T, TKey>(this IObservable<T> source, Func<T, TKey> keySelector)
            where TKey : notnull
        {
            var groups = new Dictionary<TKey, GroupedSubject<TKey, T>>();
            return new Operator<T, IGroupedObservable<TKey, T>>(source, (value, next) =>
            {
                var key = keySelector(value);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = new GroupedSubject<TKey, T>(key);
                    groups.Add(key, group);
                    next(group);
                }
                group.OnNext(value);
            });
        }

        /// <summary>Runs a side effect for each value and passes it on.</summary>
        public static IObservable<T> Do<T>(this IObservable<T> source, Action<T> onNext) =>
            new Operator<T, T>(source, (value, next) =>
            {
                onNext(value);
                next(value);
            });

        private sealed class Operator<T, TResult>(IObservable<T> source, Action<T, Action<TResult>> onNext) : IObservable<TResult>
        {
            public IDisposable Subscribe(IObserver<TResult> observer) =>
                source.Subscribe(new AnonymousObserver<T>(value => onNext(value, observer.OnNext), observer.OnError, observer.OnCompleted));
        }

        private sealed class GroupedSubject<TKey, T>(TKey key) : IGroupedObservable<TKey, T>
        {
            private readonly Subject<T> _subject = new();

            public TKey Key { get; } = key;

            public void OnNext(T value) => _subject.OnNext(value);

            public IDisposable Subscribe(IObserver<T> observer) => _subject.Subscribe(observer);
        }
    }

    public interface IGroupedObservable<out TKey, out T> : IObservable<T>
    {
        TKey Key { get; }
    }
}
