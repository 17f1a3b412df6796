namespace SiteGen.Site;

/// <summary>
/// What one module keeps between the builds of a session, declared by the module as a type of its own and held by
/// <see cref="BuildSession.State{T}"/> without the session knowing what it holds: the session only tells it when a
/// build starts and when the basis of every document (the program, the settings, the vocabulary, the navigation)
/// changed.
/// </summary>
internal abstract class SessionState
{
    /// <summary>The basis changed: drop what was made on the old one (nothing, for what depends on its own input alone).</summary>
    public virtual void BasisChanged()
    {
    }

    /// <summary>A build starts: memos begin a new generation (<see cref="Engine.Memo{TKey, TValue}.NextGeneration"/>).</summary>
    public virtual void NextBuild()
    {
    }
}
