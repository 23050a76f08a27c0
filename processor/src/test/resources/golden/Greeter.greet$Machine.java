// jawait machine for demo.Greeter.greet(java.lang.String,double) (generated, for reading only)

private final class greet$Machine extends io.jawait.Coroutine<java.lang.String> {
    private java.lang.String name;
    private double delay;
    private String text;
    private int i;
    
    greet$Machine(java.lang.String name, double delay) {
        this.name = name;
        this.delay = delay;
    }
    
    @java.lang.Override
    protected void step() throws java.lang.Throwable {
        java.lang.String name = this.name;
        double delay = this.delay;
        int i = this.i;
        exit$: {
            for (; ; ) {
                switch (state) {
                case 0: // line 12
                    if (awaits(sleep(delay))) {
                        state = 1;
                        break exit$;
                    }
                
                case 1: // line 12
                    {
                        awaited();
                        text = prefix + name;
                        i = 0;
                    }
                
                case 2: // line 14
                    {
                        if (!(i < 2)) {
                            state = 5;
                            continue;
                        }
                        state = 3;
                        var tmp$1 = text;
                        if (awaitsThen(sleep(delay, "!"), (value$2)->{
                            text = tmp$1;
                            text += value$2;
                            state = 4;
                        })) break exit$;
                        continue;
                    }
                
                case 3: // line 15
                    if (resumeContinuation()) break exit$;
                    continue;
                
                case 4: // line 14
                    i++;
                    state = 2;
                    continue;
                
                case 5: // line 17
                    complete(text.toUpperCase());
                    break exit$;
                
                default:
                    throw new java.lang.IllegalStateException("bad state " + state);
                
                }
            }
        }
        this.i = i;
    }
}
