import { render } from "preact";
render(<h1>Edge Shop</h1>, document.getElementById("app")!);
