using System.Runtime.CompilerServices;

namespace PrivacyHoldout64.Support;

// Stand-ins for the result, option and union library the services share (shaped like the railway
// libraries .NET teams use: a Result with Map/Bind/Tap/OnFailure/Ensure/Match, an Option, OneOf
// unions, extension methods over Task<Result<…>>). Only the shapes matter, and what each type
// prints when it is formatted:
//
//   Result<T, TError>  "Ok(<value>)" or "Fail(<error>)"
//   Option<T>          "Some(<value>)" or "None"
//   OneOf<…>           the value of the case it holds
//   Error              "<Code>: <Message>"
//   Unit               "()"

/// <summary>The value of a step that returns nothing.</summary>
public readonly record struct Unit
{
    public static Unit Value => default;

    public override string ToString() => "()";
}

/// <summary>An error as a value: a stable code and a message for people.</summary>
public sealed record Error(string Code, string Message)
{
    /// <summary>Keeps the exception's type name as the code and its message as the message.</summary>
    public static Error FromException(Exception exception) => new(exception.GetType().Name, exception.Message);

    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>Either the value of a successful step or the error that stopped the pipeline.</summary>
public readonly struct Result<T, TError>
{
    private readonly T? _value;
    private readonly TError? _error;

    private Result(bool isSuccess, T? value, TError? error)
    {
        IsSuccess = isSuccess;
        _value = value;
        _error = error;
    }

    public bool IsSuccess { get; }

    public bool IsFailure => !IsSuccess;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("The result is a failure.");

    public TError Error => IsSuccess ? throw new InvalidOperationException("The result is a success.") : _error!;

    public static Result<T, TError> Ok(T value) => new(true, value, default);

    public static Result<T, TError> Fail(TError error) => new(false, default, error);

    public static implicit operator Result<T, TError>(T value) => Ok(value);

    public static implicit operator Result<T, TError>(TError error) => Fail(error);

    public TOut Match<TOut>(Func<T, TOut> ok, Func<TError, TOut> fail) => IsSuccess ? ok(_value!) : fail(_error!);

    public void Switch(Action<T> ok, Action<TError> fail)
    {
        if (IsSuccess)
        {
            ok(_value!);
        }
        else
        {
            fail(_error!);
        }
    }

    public Result<TOut, TError> Map<TOut>(Func<T, TOut> map) =>
        IsSuccess ? Result<TOut, TError>.Ok(map(_value!)) : Result<TOut, TError>.Fail(_error!);

    public Result<T, TOut> MapError<TOut>(Func<TError, TOut> map) =>
        IsSuccess ? Result<T, TOut>.Ok(_value!) : Result<T, TOut>.Fail(map(_error!));

    public Result<TOut, TError> Bind<TOut>(Func<T, Result<TOut, TError>> bind) =>
        IsSuccess ? bind(_value!) : Result<TOut, TError>.Fail(_error!);

    public async Task<Result<TOut, TError>> BindAsync<TOut>(Func<T, Task<Result<TOut, TError>>> bind) =>
        IsSuccess ? await bind(_value!).ConfigureAwait(false) : Result<TOut, TError>.Fail(_error!);

    public Result<T, TError> Ensure(Func<T, bool> predicate, Func<T, TError> error) =>
        IsSuccess && !predicate(_value!) ? Fail(error(_value!)) : this;

    public Result<T, TError> Tap(Action<T> action)
    {
        if (IsSuccess)
        {
            action(_value!);
        }
        return this;
    }

    public Result<T, TError> OnFailure(Action<TError> action)
    {
        if (!IsSuccess)
        {
            action(_error!);
        }
        return this;
    }

    public T GetValueOrDefault(T fallback) => IsSuccess ? _value! : fallback;

    public void Deconstruct(out bool isSuccess, out T? value, out TError? error)
    {
        isSuccess = IsSuccess;
        value = _value;
        error = _error;
    }

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({_error})";
}

/// <summary>Helpers that make results.</summary>
public static class Result
{
    /// <summary>Runs <paramref name="body"/>; an exception becomes <see cref="Error.FromException"/>.</summary>
    public static Result<T, Error> Try<T>(Func<T> body)
    {
        try
        {
            return Result<T, Error>.Ok(body());
        }
        catch (Exception exception)
        {
            return Result<T, Error>.Fail(Error.FromException(exception));
        }
    }

    /// <summary>Awaits <paramref name="body"/>; an exception becomes <see cref="Error.FromException"/>.</summary>
    public static async Task<Result<T, Error>> TryAsync<T>(Func<Task<T>> body)
    {
        try
        {
            return Result<T, Error>.Ok(await body().ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            return Result<T, Error>.Fail(Error.FromException(exception));
        }
    }

    /// <summary>Successes and failures of a batch, in their order.</summary>
    public static (List<T> Successes, List<TError> Failures) Partition<T, TError>(this IEnumerable<Result<T, TError>> results)
    {
        var successes = new List<T>();
        var failures = new List<TError>();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                successes.Add(result.Value);
            }
            else
            {
                failures.Add(result.Error);
            }
        }
        return (successes, failures);
    }
}

/// <summary>Railway steps over a result that is still being computed.</summary>
public static class ResultTaskExtensions
{
    public static async Task<Result<TOut, TError>> Map<T, TOut, TError>(this Task<Result<T, TError>> task, Func<T, TOut> map) =>
        (await task.ConfigureAwait(false)).Map(map);

    public static async Task<Result<TOut, TError>> Bind<T, TOut, TError>(this Task<Result<T, TError>> task, Func<T, Result<TOut, TError>> bind) =>
        (await task.ConfigureAwait(false)).Bind(bind);

    public static async Task<Result<TOut, TError>> BindAsync<T, TOut, TError>(this Task<Result<T, TError>> task, Func<T, Task<Result<TOut, TError>>> bind) =>
        await (await task.ConfigureAwait(false)).BindAsync(bind).ConfigureAwait(false);

    public static async Task<Result<T, TError>> Ensure<T, TError>(this Task<Result<T, TError>> task, Func<T, bool> predicate, Func<T, TError> error) =>
        (await task.ConfigureAwait(false)).Ensure(predicate, error);

    public static async Task<Result<T, TError>> Tap<T, TError>(this Task<Result<T, TError>> task, Action<T> action) =>
        (await task.ConfigureAwait(false)).Tap(action);

    public static async Task<Result<T, TError>> OnFailure<T, TError>(this Task<Result<T, TError>> task, Action<TError> action) =>
        (await task.ConfigureAwait(false)).OnFailure(action);

    public static async Task<Result<T, TOut>> MapError<T, TError, TOut>(this Task<Result<T, TError>> task, Func<TError, TOut> map) =>
        (await task.ConfigureAwait(false)).MapError(map);

    public static async Task<TOut> Match<T, TError, TOut>(this Task<Result<T, TError>> task, Func<T, TOut> ok, Func<TError, TOut> fail) =>
        (await task.ConfigureAwait(false)).Match(ok, fail);
}

/// <summary>A value that may be missing.</summary>
public readonly struct Option<T>
{
    private readonly T? _value;

    private Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public static Option<T> None => default;

    public static Option<T> Some(T value) => new(value);

    public static implicit operator Option<T>(T value) => value is null ? None : Some(value);

    public TOut Match<TOut>(Func<T, TOut> some, Func<TOut> none) => HasValue ? some(_value!) : none();

    public void Switch(Action<T> some, Action none)
    {
        if (HasValue)
        {
            some(_value!);
        }
        else
        {
            none();
        }
    }

    public Option<TOut> Map<TOut>(Func<T, TOut> map) => HasValue ? Option<TOut>.Some(map(_value!)) : Option<TOut>.None;

    public Option<TOut> Bind<TOut>(Func<T, Option<TOut>> bind) => HasValue ? bind(_value!) : Option<TOut>.None;

    public Option<T> Where(Func<T, bool> predicate) => HasValue && predicate(_value!) ? this : None;

    public Option<T> Tap(Action<T> action)
    {
        if (HasValue)
        {
            action(_value!);
        }
        return this;
    }

    public Option<T> OnNone(Action action)
    {
        if (!HasValue)
        {
            action();
        }
        return this;
    }

    public T ValueOr(T fallback) => HasValue ? _value! : fallback;

    public Result<T, TError> ToResult<TError>(Func<TError> error) =>
        HasValue ? Result<T, TError>.Ok(_value!) : Result<T, TError>.Fail(error());

    public override string ToString() => HasValue ? $"Some({_value})" : "None";
}

public static class Option
{
    public static Option<T> Some<T>(T value) => Option<T>.Some(value);

    public static Option<T> None<T>() => Option<T>.None;

    public static Option<TValue> TryFind<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> dictionary, TKey key) =>
        dictionary.TryGetValue(key, out var value) ? Option<TValue>.Some(value) : Option<TValue>.None;

    public static Option<T> FirstOrNone<T>(this IEnumerable<T> source, Func<T, bool> predicate)
    {
        foreach (var item in source)
        {
            if (predicate(item))
            {
                return Option<T>.Some(item);
            }
        }
        return Option<T>.None;
    }

    public static Option<T> ToOption<T>(this T? value)
        where T : class => value is null ? Option<T>.None : Option<T>.Some(value);
}

/// <summary>One of two cases.</summary>
public readonly struct OneOf<T0, T1>
{
    private readonly T0? _t0;
    private readonly T1? _t1;

    private OneOf(int index, T0? t0, T1? t1)
    {
        Index = index;
        _t0 = t0;
        _t1 = t1;
    }

    public int Index { get; }

    public object? Value => Index == 0 ? _t0 : _t1;

    public bool IsT0 => Index == 0;

    public bool IsT1 => Index == 1;

    public T0 AsT0 => Index == 0 ? _t0! : throw new InvalidOperationException();

    public T1 AsT1 => Index == 1 ? _t1! : throw new InvalidOperationException();

    public static implicit operator OneOf<T0, T1>(T0 value) => new(0, value, default);

    public static implicit operator OneOf<T0, T1>(T1 value) => new(1, default, value);

    public TOut Match<TOut>(Func<T0, TOut> f0, Func<T1, TOut> f1) => Index == 0 ? f0(_t0!) : f1(_t1!);

    public void Switch(Action<T0> f0, Action<T1> f1)
    {
        if (Index == 0)
        {
            f0(_t0!);
        }
        else
        {
            f1(_t1!);
        }
    }

    public override string ToString() => Value?.ToString() ?? string.Empty;
}

/// <summary>One of three cases.</summary>
public readonly struct OneOf<T0, T1, T2>
{
    private readonly T0? _t0;
    private readonly T1? _t1;
    private readonly T2? _t2;

    private OneOf(int index, T0? t0, T1? t1, T2? t2)
    {
        Index = index;
        _t0 = t0;
        _t1 = t1;
        _t2 = t2;
    }

    public int Index { get; }

    public object? Value => Index switch { 0 => _t0, 1 => _t1, _ => _t2 };

    public static implicit operator OneOf<T0, T1, T2>(T0 value) => new(0, value, default, default);

    public static implicit operator OneOf<T0, T1, T2>(T1 value) => new(1, default, value, default);

    public static implicit operator OneOf<T0, T1, T2>(T2 value) => new(2, default, default, value);

    public TOut Match<TOut>(Func<T0, TOut> f0, Func<T1, TOut> f1, Func<T2, TOut> f2) =>
        Index switch { 0 => f0(_t0!), 1 => f1(_t1!), _ => f2(_t2!) };

    public void Switch(Action<T0> f0, Action<T1> f1, Action<T2> f2)
    {
        switch (Index)
        {
            case 0:
                f0(_t0!);
                break;
            case 1:
                f1(_t1!);
                break;
            default:
                f2(_t2!);
                break;
        }
    }

    public override string ToString() => Value?.ToString() ?? string.Empty;
}

/// <summary>Composition of functions and values.</summary>
public static class Functions
{
    /// <summary><c>f.Then(g)</c> is <c>x => g(f(x))</c>.</summary>
    public static Func<TIn, TOut> Then<TIn, TMid, TOut>(this Func<TIn, TMid> first, Func<TMid, TOut> second) =>
        value => second(first(value));

    /// <summary>Hands a value to a function, for left-to-right pipelines.</summary>
    public static TOut Pipe<TIn, TOut>(this TIn value, Func<TIn, TOut> function) => function(value);

    /// <summary>Runs an action on a value and returns the value.</summary>
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }

    /// <summary>Memoises a function of one argument.</summary>
    public static Func<TIn, TOut> Memoize<TIn, TOut>(this Func<TIn, TOut> function)
        where TIn : notnull
    {
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<TIn, TOut>();
        return value => cache.GetOrAdd(value, function);
    }
}

/// <summary>Guard clauses that return errors instead of throwing.</summary>
public static class Guard
{
    /// <summary>Fails with "<c>'name' is required</c>": the message names the parameter, never the value.</summary>
    public static Result<string, Error> NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        string.IsNullOrWhiteSpace(value)
            ? Result<string, Error>.Fail(new Error("required", $"'{name}' is required"))
            : Result<string, Error>.Ok(value.Trim());

    /// <summary>Fails with the error <paramref name="error"/> builds from the value when <paramref name="predicate"/> is false.</summary>
    public static Result<T, Error> Ensure<T>(T value, Func<T, bool> predicate, Func<T, Error> error) =>
        predicate(value) ? Result<T, Error>.Ok(value) : Result<T, Error>.Fail(error(value));
}
